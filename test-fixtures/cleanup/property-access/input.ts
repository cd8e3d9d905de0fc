import { config } from './config';

export function nav() {
  if (config.features.newNav) {
    return renderNew();
  }
  return renderOld();
}
