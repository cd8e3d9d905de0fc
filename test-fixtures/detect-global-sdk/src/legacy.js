/* global posthog */
export function legacy() {
  return window.posthog.isFeatureEnabled('legacy-global') && posthog.getFeatureFlag('legacy-variant') && useFeatureFlagEnabled('hook-global');
}
