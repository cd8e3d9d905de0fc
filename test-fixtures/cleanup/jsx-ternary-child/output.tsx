export function Page({ client }: Props) {
  return (
    <main>
      <OldCheckout />
    </main>
  );
}
