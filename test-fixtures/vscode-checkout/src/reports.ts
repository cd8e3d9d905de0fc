import { OpenFeature } from '@openfeature/web-sdk';

const client = OpenFeature.getClient();

export function showBetaReports(): boolean {
  return client.getBooleanValue('beta-reports', false);
}
