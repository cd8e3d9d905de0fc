import { Feature } from './Feature';
import { FLAGS } from './keys';

export function Home() {
  return (
    <main>
      <Feature flag="home-hero">
        <h1>Hero</h1>
      </Feature>
      <Feature flag={FLAGS.FOOTER} />
      <Feature not flag="home-legacy">
        <p>Old</p>
      </Feature>
      <Feature>missing key</Feature>
      <FeatureList flag="not-a-gate" />
    </main>
  );
}

declare function FeatureList(props: { flag: string }): null;
