export function useSaveSecret(editing: boolean, notify: Notify) {
  let lastSaved = ''

  return async (data: SecretData) => {
    if (editing) {
      await updateSecret(data)
    } else {
      await createSecret(data)
    }
    await fetchAudit(data.identifier)
    lastSaved = data.identifier
    notify(undefined, null)
  }
}
