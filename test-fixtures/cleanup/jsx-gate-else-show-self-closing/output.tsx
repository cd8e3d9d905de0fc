export function Nav() {
  return (
    <header>
      <NewNav />
    </header>
  );
}
