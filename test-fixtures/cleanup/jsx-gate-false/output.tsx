export function Page() {
  return (
    <main>
      <Footer />
    </main>
  );
}
