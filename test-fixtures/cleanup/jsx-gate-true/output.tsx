export function Page() {
  return (
    <main>
      <NewCheckout />
      <Footer />
    </main>
  );
}
