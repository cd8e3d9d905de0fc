export function useLicensesDisabled(createdFromNG: boolean, accounts: Account[]): [boolean, boolean, boolean] {
  const { NG_LICENSES_ENABLED } = useFeatureFlags()
  const disabled = __DEV__ || (!createdFromNG && !NG_LICENSES_ENABLED)
  const label = (!createdFromNG && !NG_LICENSES_ENABLED).toString()
  const empty = (!accounts.length)
  return [disabled, label === 'true', empty]
}

export function tabs(isCI: boolean, isSTO: boolean, isCD: boolean, ready: boolean) {
  const { NG_LICENSES_ENABLED } = useFeatureFlags()
  const show = (!NG_LICENSES_ENABLED && (isCI || isSTO))
  if (!NG_LICENSES_ENABLED && (isCD && ready)) {
    return show
  }
  return false
}
