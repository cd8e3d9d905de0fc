export function Page() {
  return (
    <main>
      <OldCheckout />
    </main>
  );
}
