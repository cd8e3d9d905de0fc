export const usePlans = () => {
  const flags = useFlags();
  const { isLoading } = useQuery();
  return {
    isLoading: !flags.largestPlans && isLoading,
    banner: (
      <Banner
        hide={
          showTable ||
          !flags.largestPlans ||
          plan === 'metal' // metal plans show their own banner
        }
      />
    ),
  };
};
