import { flag } from 'flags/next';

export const showSummerSale = flag<boolean>({
  key: 'summer-sale',
  decide() {
    return false;
  },
});

export async function banner() {
  return (await showSummerSale()) ? 'sale' : '';
}
