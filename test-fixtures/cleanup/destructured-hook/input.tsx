import { useFlags } from './flags';

export function Cart() {
  const { newCheckout } = useFlags();
  return newCheckout ? <NewCart /> : <OldCart />;
}
