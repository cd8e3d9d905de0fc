import posthog from 'posthog-js';
import { PostHogFeature, useFeatureFlagEnabled } from 'posthog-js/react';

export function Survey() {
  const enabled = useFeatureFlagEnabled('survey-widget');
  const variant = posthog.getFeatureFlag('survey-layout');
  if (!posthog.isFeatureEnabled('surveys')) return null;
  return (
    <PostHogFeature flag="survey-banner" match={true}>
      {enabled && variant}
    </PostHogFeature>
  );
}
