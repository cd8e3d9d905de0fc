import { useExperiment } from './experiments';

export const SyncModeCell = ({ stream, modes }: Props) => {
  const allowAllSyncModes = useExperiment('connection.allowAllSyncModes');
  const isSupported = ([syncMode, destinationMode]: [SyncMode, DestinationMode]) =>
    allowAllSyncModes ? true : stream.modes.includes(syncMode) && stream.destinationModes.includes(destinationMode);
  const isListed = ([syncMode]: [SyncMode]) => (allowAllSyncModes ? true : modes.includes(syncMode));
  const available = SUPPORTED_MODES.filter(isSupported);
  return <Modes modes={available} listed={isListed([SyncMode.Full])} />;
};
