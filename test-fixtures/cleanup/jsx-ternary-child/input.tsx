export function Page({ client }: Props) {
  return (
    <main>
      {client.isEnabled('new-checkout') ? (
        <NewCheckout step={1} />
      ) : (
        <OldCheckout />
      )}
    </main>
  );
}
