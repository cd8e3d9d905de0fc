export function Page({ client }: Props) {
  return (
    <main>
      <Footer />
    </main>
  );
}
