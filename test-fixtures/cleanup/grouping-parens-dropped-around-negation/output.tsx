export function useLicensesDisabled(createdFromNG: boolean, accounts: Account[]): [boolean, boolean, boolean] {
  const disabled = __DEV__ || !createdFromNG
  const label = (!createdFromNG).toString()
  const empty = (!accounts.length)
  return [disabled, label === 'true', empty]
}

export function tabs(isCI: boolean, isSTO: boolean, isCD: boolean, ready: boolean) {
  const show = (isCI || isSTO)
  if (isCD && ready) {
    return show
  }
  return false
}
