export function Page({ client }: Props) {
  return (
    <main>
      {client.isEnabled('new-checkout') && (
        <NewCheckout />
      )}
      <Footer />
    </main>
  );
}
