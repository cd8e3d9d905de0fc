export function useTriggerPayload(sourceRepo: string, values: Values) {
  return {
    name: values.name,
    ...(values.tags && { tags: values.tags })
  }
}
