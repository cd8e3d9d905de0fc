import { REMOTE_KEY } from 'flag-keys-package';
import { MISSING } from './keys';

declare const flags: { isEnabled(key?: string): boolean };
declare function keyFor(name: string): string;
let mutable = 'mutable-key';

export function dynamic(param: string, n: number) {
  return [
    flags.isEnabled(param),
    flags.isEnabled(mutable),
    flags.isEnabled(keyFor('x')),
    flags.isEnabled(n > 1 ? 'a' : 'b'),
    flags.isEnabled(REMOTE_KEY),
    flags.isEnabled(MISSING),
    flags.isEnabled(`flag-${param}`),
    flags.isEnabled(undeclared),
    flags.isEnabled(),
    flags.isEnabled(n > 2 ? 'c' : n > 1 ? ('d' as const) : 'c'),
    flags.isEnabled(n > 2 ? 'e' : param),
  ];
}
