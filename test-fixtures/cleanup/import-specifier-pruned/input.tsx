import { useFlag } from '@unleash/proxy-client-react';
import { useState } from 'react';

export function Cart() {
  const [open, setOpen] = useState(false);
  const enabled = useFlag('new-checkout');
  return enabled ? <NewCart open={open} onToggle={setOpen} /> : <OldCart />;
}
