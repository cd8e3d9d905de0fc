import { Feature } from './flags';

export function Page() {
  return (
    <main>
      <Feature flag="new-checkout" fallback={<OldCheckout />}>
        <NewCheckout />
      </Feature>
    </main>
  );
}
