import { useMemo, useState } from 'react';
import { useFeature } from './features';
import { useCurrentOrganizationId, useIsCloudApp, useOrganizationTrialStatus } from './organization';

export function BrandingBadge({ region }: Props) {
  const currentOrganizationId = useCurrentOrganizationId();
  const isCloudApp = useIsCloudApp();
  const isCloudForTeams = useFeature('cloud-branding');
  const [open, setOpen] = useState(false);
  const isCloudInTrial =
    useOrganizationTrialStatus(currentOrganizationId, { enabled: !!currentOrganizationId && isCloudApp })?.trialStatus === 'in_trial';
  const label = useMemo(() => (isCloudForTeams ? 'teams' : 'free'), [region, isCloudForTeams]);
  const visible = Boolean(isCloudForTeams) && Boolean(region);

  if (isCloudForTeams) {
    return <Badge label={label} visible={visible} />;
  }
  return <Badge label={isCloudInTrial ? 'trial' : label} open={open} onOpen={() => setOpen(true)} />;
}
