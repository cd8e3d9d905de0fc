import { Feature } from './flags';

export function Panel() {
  return (
    <Feature flag="new-checkout">
      <Title />
      <Body />
    </Feature>
  );
}
