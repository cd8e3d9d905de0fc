export const useGetDeviceLimit = (ram: number) => {
  const flags = useFlags();
  if (flags.blockLimit) {
    return Math.max(DEFAULT_LIMIT, Math.min(ram / 1024, 64));
  }

  return DEFAULT_LIMIT;
};
