export function Page({ client }) {
  return (
    <main>
      {client.isEnabled('new-checkout') ? <NewCheckout /> : <OldCheckout />}
    </main>
  );
}
