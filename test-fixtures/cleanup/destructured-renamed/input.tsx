import { useFlags } from './flags';

export function Cart() {
  const { newCheckout: useNewCart } = useFlags();
  if (useNewCart) {
    return <NewCart />;
  }
  return <OldCart />;
}
