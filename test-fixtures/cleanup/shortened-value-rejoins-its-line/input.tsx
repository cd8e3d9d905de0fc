import { useFeature } from './features';

export const CreateWorkspace = ({ canCreate, workspaces, organizationDisplayName }: Props) => {
  const multipleWorkspaces = useFeature('multiple-workspaces');
  const hasNoWorkspaces = workspaces.length === 0;
  const isCreateWorkspaceEnabled =
    canCreate && (hasNoWorkspaces || multipleWorkspaces);
  const authorsOwnLayout =
    canCreate;
  const createButtonLabelForTheOrganization =
    multipleWorkspaces ? 'Create another workspace' : `Create the first workspace of ${organizationDisplayName}`;
  return <Button enabled={isCreateWorkspaceEnabled && authorsOwnLayout} label={createButtonLabelForTheOrganization} />;
};
