export const usePlans = () => {
  const { isLoading } = useQuery();
  return {
    isLoading,
    banner: (
      <Banner
        hide={true}
      />
    ),
  };
};
