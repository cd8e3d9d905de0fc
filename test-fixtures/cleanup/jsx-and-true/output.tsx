export function Page({ client }: Props) {
  return (
    <main>
      <NewCheckout />
      <Footer />
    </main>
  );
}
