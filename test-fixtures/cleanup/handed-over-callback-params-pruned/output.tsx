export const SyncModeCell = ({ stream, modes }: Props) => {
  const isSupported = () => true;
  const available = SUPPORTED_MODES.filter(isSupported);
  return <Modes modes={available} listed={true} />;
};
