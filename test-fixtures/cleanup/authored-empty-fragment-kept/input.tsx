export const UserGroupDetails = ({ userGroup, loading }: Props) => {
  const { INHERITED_USER_GROUP } = useFeatureFlags()

  if (loading) return <PageSpinner />
  if (!userGroup) return <></>
  return (
    <Page>
      {INHERITED_USER_GROUP ? <AssignRolesBtn /> : <></>}
      <Members group={userGroup} />
    </Page>
  )
}
