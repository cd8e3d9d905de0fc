export const CreateWorkspace = ({ canCreateWorkspaces, workspaces }: Props) => {
  const hasNoWorkspaces = workspaces.length === 0;
  const isCreateWorkspaceEnabled = canCreateWorkspaces && hasNoWorkspaces && workspaces.every((w) => w.active);
  return <Button enabled={isCreateWorkspaceEnabled} />;
};
