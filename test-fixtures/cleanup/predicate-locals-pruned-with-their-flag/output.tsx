export const DiskEncryption = ({ account, region }: Props) => {
  return null;
};
