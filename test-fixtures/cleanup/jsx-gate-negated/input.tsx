import { Feature } from './flags';

export function Page() {
  return (
    <main>
      <Feature flag="new-checkout" not>
        <LegacyNotice />
      </Feature>
      <Body />
    </main>
  );
}
