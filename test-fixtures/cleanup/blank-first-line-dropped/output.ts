export const useGetDeviceLimit = (ram: number) => {
  return DEFAULT_LIMIT;
};
