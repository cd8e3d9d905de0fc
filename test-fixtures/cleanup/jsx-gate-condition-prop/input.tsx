import { Show } from './show';

export function Nav() {
  return (
    <nav>
      <Show condition="new-nav" show={<NewNav items={items} />} elseShow={<OldNav />} />
      <Search />
    </nav>
  );
}
