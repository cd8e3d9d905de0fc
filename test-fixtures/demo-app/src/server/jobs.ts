import { initialize } from 'unleash-client';
import { OpsFlag } from '../flags';

const unleash = initialize({ url: 'http://unleash.internal/api', appName: 'shop-jobs' });

export function scheduleJobs(run: (name: string) => void): void {
  if (unleash.isEnabled(OpsFlag.NightlyReindex)) {
    return;
  }
  run('nightly-reindex');
}
