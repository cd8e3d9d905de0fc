import { OpenFeature } from '@openfeature/server-sdk';

const client = OpenFeature.getClient();

export async function auditEnabled(): Promise<boolean> {
  return client.getBooleanValue('audit-log', false);
}
