import { useConnectionEditService } from './connection';

export const SchemaChangeBackdrop = ({ children }: Props) => {
  return <>{children}</>;
};

export const SchemaChangeTitle = () => {
  const {
    connection: { name },
  } = useConnectionEditService();

  return <Title name={name} />;
};

export const SchemaChangeHint = () => {
  const {
    unusedBeforeTheCleanup,
  } = useConnectionEditService();

  return null;
};
