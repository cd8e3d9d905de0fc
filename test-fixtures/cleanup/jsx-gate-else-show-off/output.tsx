export function Nav() {
  return (
    <header>
      <OldNav />
    </header>
  );
}
