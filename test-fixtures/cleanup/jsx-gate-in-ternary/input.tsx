import { Feature } from './flags';

export function Page({ compact }: Props) {
  return compact ? <Small /> : <Feature flag="new-checkout" fallback={<Old />}><New /></Feature>;
}
