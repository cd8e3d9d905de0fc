import { showSummerSale } from './flags';

export default async function Page() {
  const sale = await showSummerSale();
  return sale ? <p>Sale!</p> : null;
}
