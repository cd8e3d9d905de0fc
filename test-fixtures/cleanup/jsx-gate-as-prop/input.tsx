import { Feature } from './flags';

export function Page() {
  return <Layout sidebar={<Feature flag="new-checkout"><Promo /></Feature>} />;
}
