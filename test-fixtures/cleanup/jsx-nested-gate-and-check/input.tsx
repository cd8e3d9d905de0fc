import { Feature } from './flags';

export function Page({ client }: Props) {
  return (
    <Feature flag="new-checkout">
      {client.isEnabled('new-checkout') ? <A /> : <B />}
    </Feature>
  );
}
