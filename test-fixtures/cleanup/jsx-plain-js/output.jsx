export function Page({ client }) {
  return (
    <main>
      <NewCheckout />
    </main>
  );
}
