export function settings() {
  const useNew = client.isEnabled('new-checkout');
  type Mode = typeof useNew;
  const mode: Mode = useNew;
  return { mode, label: useNew ? 'new' : 'old' };
}
