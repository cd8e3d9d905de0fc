import { useFeature } from './features';

export const CreateWorkspace = ({ canCreateWorkspaces, workspaces }: Props) => {
  const multipleWorkspaces = useFeature('multiple-workspaces');
  const hasNoWorkspaces = workspaces.length === 0;
  const isCreateWorkspaceEnabled =
    canCreateWorkspaces && (hasNoWorkspaces || multipleWorkspaces) && workspaces.every((w) => w.active);
  return <Button enabled={isCreateWorkspaceEnabled} />;
};
