export function Nav() {
  return (
    <nav>
      <OldNav />
      <Search />
    </nav>
  );
}
