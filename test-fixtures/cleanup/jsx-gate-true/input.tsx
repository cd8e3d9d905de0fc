import { Feature } from './flags';

export function Page() {
  return (
    <main>
      <Feature flag="new-checkout">
        <NewCheckout />
      </Feature>
      <Footer />
    </main>
  );
}
