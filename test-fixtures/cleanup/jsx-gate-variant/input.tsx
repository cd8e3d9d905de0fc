import { Feature } from './flags';

export function Page() {
  return (
    <div>
      <Feature flag="checkout-variant" variant="a">
        <OneColumn />
      </Feature>
      <Feature flag="checkout-variant" variant="b">
        <TwoColumn />
      </Feature>
    </div>
  );
}
