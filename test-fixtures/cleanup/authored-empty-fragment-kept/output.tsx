export const UserGroupDetails = ({ userGroup, loading }: Props) => {
  if (loading) return <PageSpinner />
  if (!userGroup) return <></>
  return (
    <Page>
      <AssignRolesBtn />
      <Members group={userGroup} />
    </Page>
  )
}
