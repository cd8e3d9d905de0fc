import { Toggle } from './toggles';

export function Nav() {
  return (
    <header>
      <Toggle name="new-nav" show={<NewNav />} elseShow={<OldNav />} />
    </header>
  );
}
