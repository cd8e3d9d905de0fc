import { useMemo } from 'react'

export const useGitSync = (repo?: Repo): UseGitSync => {
  const label = useMemo(() => 'Inline', [])
  const count = useMemo(() => countRepos(repo), [repo])

  return { isGitSyncEnabled: false, label, count }
}
