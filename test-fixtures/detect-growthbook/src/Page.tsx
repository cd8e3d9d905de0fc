import { GrowthBook } from '@growthbook/growthbook';
import { IfFeatureEnabled, useFeature, useFeatureIsOn, useFeatureValue } from '@growthbook/growthbook-react';

const gb = new GrowthBook({ clientKey: 'sdk-abc' });

export function Page() {
  const on = useFeatureIsOn('new-onboarding');
  const copy = useFeatureValue('onboarding-copy', 'Welcome');
  const raw = useFeature('onboarding-raw');
  if (gb.isOff('maintenance-mode')) return null;
  const limit = gb.getFeatureValue('upload-limit', 10);
  return (
    <IfFeatureEnabled feature="onboarding-tour">
      {gb.isOn('tour-v2') && on && copy && raw && limit}
    </IfFeatureEnabled>
  );
}
