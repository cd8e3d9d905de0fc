import { useFlags } from 'src/hooks/useFlags';
import { hasAccountCapability } from 'src/utilities/capabilities';

export const DiskEncryption = ({ account, region }: Props) => {
  const flags = useFlags();
  const canEncrypt = hasAccountCapability(account, 'Disk Encryption');
  const regionSupports = region.capabilities.includes('Disk Encryption');

  if (flags.linodeDiskEncryption && canEncrypt && regionSupports) {
    return <EncryptionToggle />;
  }
  if (isDefaultRegion(region)) {
    if (flags.linodeDiskEncryption) {
      track('encryption-shown');
    }
  }
  return null;
};
