export function useResourcesTab(history: History, tabs: Tab[]) {
  const isResources = React.useMemo(
    () => history?.location?.pathname.includes('resources'),
    [history?.location?.pathname]
  )
  const first = tabs.find(t => t.visible) && true
  return { isResources, first }
}
