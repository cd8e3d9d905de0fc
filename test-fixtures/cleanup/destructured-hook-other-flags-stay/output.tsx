import { useFlags } from './flags';

export function Cart() {
  const { darkMode } = useFlags();
  return (
    <div className={darkMode ? 'dark' : 'light'}>
    </div>
  );
}
