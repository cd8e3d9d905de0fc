export function useGitSync(repo: Repo) {
  const FF_GITSYNC = useFeatureFlag('FF_GITSYNC')
  const [showGitSyncModal, hideGitSyncModal] = useModalHook(() => <GitSyncModal onClose={hideGitSyncModal} />)
  const open = () => {
    if (FF_GITSYNC && repo.set) {
      showGitSyncModal()
    }
  }
  return { open, close: hideGitSyncModal }
}
