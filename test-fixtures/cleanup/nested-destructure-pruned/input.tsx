import { useFeature } from './features';
import { useConnectionEditService } from './connection';

export const SchemaChangeBackdrop = ({ children }: Props) => {
  const allowAutoDetectSchema = useFeature('auto-detect-schema');
  const {
    schemaHasBeenRefreshed,
    connection: { schemaChange },
  } = useConnectionEditService();

  if (!allowAutoDetectSchema || schemaHasBeenRefreshed || schemaChange === 'breaking') {
    return <>{children}</>;
  }
  return <Backdrop>{children}</Backdrop>;
};

export const SchemaChangeTitle = () => {
  const allowAutoDetectSchema = useFeature('auto-detect-schema');
  const {
    connection: { schemaChange, name },
  } = useConnectionEditService();

  return allowAutoDetectSchema && schemaChange === 'breaking' ? <Warning name={name} /> : <Title name={name} />;
};

export const SchemaChangeHint = () => {
  const allowAutoDetectSchema = useFeature('auto-detect-schema');
  const {
    unusedBeforeTheCleanup,
    connection: { schemaChange },
  } = useConnectionEditService();

  return allowAutoDetectSchema && schemaChange === 'breaking' ? <Hint /> : null;
};
