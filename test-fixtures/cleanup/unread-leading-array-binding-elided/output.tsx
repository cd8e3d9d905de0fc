export function useGitSync(repo: Repo) {
  const [, hideGitSyncModal] = useModalHook(() => <GitSyncModal onClose={hideGitSyncModal} />)
  const open = () => {}
  return { open, close: hideGitSyncModal }
}
