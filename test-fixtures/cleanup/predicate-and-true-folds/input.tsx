export function useResourcesTab(history: History, tabs: Tab[]) {
  const { GITOPS_BYO_ARGO } = useFeatureFlags()
  const isResources = React.useMemo(
    () => history?.location?.pathname.includes('resources') && GITOPS_BYO_ARGO,
    [history?.location?.pathname, GITOPS_BYO_ARGO]
  )
  const first = tabs.find(t => t.visible) && GITOPS_BYO_ARGO
  return { isResources, first }
}
