export function settings() {
  const useNew = true;
  type Mode = typeof useNew;
  const mode: Mode = useNew;
  return { mode, label: useNew ? 'new' : 'old' };
}
