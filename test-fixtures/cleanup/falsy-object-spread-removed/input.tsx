export function useTriggerPayload(sourceRepo: string, values: Values) {
  const isGitWebhookPollingEnabled = useFeatureFlag('GIT_WEBHOOK_POLLING')
  return {
    name: values.name,
    ...(isGitWebhookPollingEnabled && sourceRepo === 'Github' && { pollInterval: '0' }),
    ...(values.tags && { tags: values.tags })
  }
}
