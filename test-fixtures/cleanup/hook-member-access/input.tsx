import { useFlags } from './flags';

export function Cart() {
  const flags = useFlags();
  return flags.newCheckout ? <NewCart /> : <OldCart />;
}
