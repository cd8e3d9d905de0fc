export function Banner() {
  const { user } = useUserLoader();
  const { data: providers } = useProviders();

  const used = useMemo(() => pick(user, providers), [user, providers]);
  const [visible, setVisible] = useState(false);
  const enabled = useFeatureFlag('show-promo');

  if (!enabled || !visible) {
    return null;
  }
  return <Promo used={used} onClose={() => setVisible(false)} />;
}
