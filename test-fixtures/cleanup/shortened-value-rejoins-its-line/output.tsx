export const CreateWorkspace = ({ canCreate, workspaces, organizationDisplayName }: Props) => {
  const hasNoWorkspaces = workspaces.length === 0;
  const isCreateWorkspaceEnabled = canCreate && hasNoWorkspaces;
  const authorsOwnLayout =
    canCreate;
  const createButtonLabelForTheOrganization =
    `Create the first workspace of ${organizationDisplayName}`;
  return <Button enabled={isCreateWorkspaceEnabled && authorsOwnLayout} label={createButtonLabelForTheOrganization} />;
};
