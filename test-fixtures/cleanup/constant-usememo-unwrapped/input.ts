import { useMemo } from 'react'
import { useFeatureFlag } from '@common/hooks/useFeatureFlag'

export const useGitSync = (repo?: Repo): UseGitSync => {
  const FF_GITSYNC = useFeatureFlag('FF_GITSYNC')

  const isGitSyncEnabled = useMemo(
    () => !!(FF_GITSYNC && repo?.data?.repoSet && repo?.data?.repoDetails?.enabled),
    [FF_GITSYNC, repo?.data?.repoDetails?.enabled, repo?.data?.repoSet]
  )
  const label = useMemo(() => (FF_GITSYNC ? 'Git' : 'Inline'), [FF_GITSYNC])
  const count = useMemo(() => countRepos(repo), [repo])

  return { isGitSyncEnabled, label, count }
}
