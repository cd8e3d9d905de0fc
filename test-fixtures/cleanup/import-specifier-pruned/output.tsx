import { useState } from 'react';

export function Cart() {
  const [open, setOpen] = useState(false);
  return <NewCart open={open} onToggle={setOpen} />;
}
