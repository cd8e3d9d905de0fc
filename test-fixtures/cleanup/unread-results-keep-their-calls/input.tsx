export function useSaveSecret(editing: boolean, notify: Notify) {
  const { OPA_SECRET_GOVERNANCE } = useFeatureFlags()
  let lastSaved = ''

  return async (data: SecretData) => {
    let response
    if (editing) {
      response = await updateSecret(data)
    } else {
      response = await createSecret(data)
    }
    const audit = await fetchAudit(data.identifier)
    lastSaved = data.identifier
    notify(OPA_SECRET_GOVERNANCE ? response?.data?.governanceMetadata : undefined, OPA_SECRET_GOVERNANCE ? audit : null)
  }
}
