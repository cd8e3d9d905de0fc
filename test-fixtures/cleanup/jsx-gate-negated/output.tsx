export function Page() {
  return (
    <main>
      <Body />
    </main>
  );
}
