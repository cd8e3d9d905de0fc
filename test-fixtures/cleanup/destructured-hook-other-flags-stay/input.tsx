import { useFlags } from './flags';

export function Cart() {
  const { newCheckout, darkMode } = useFlags();
  return (
    <div className={darkMode ? 'dark' : 'light'}>
      {newCheckout && <Promo />}
    </div>
  );
}
