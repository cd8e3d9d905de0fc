export async function handler() {
  const { OpenFeature } = await import('@openfeature/server-sdk');
  const client = OpenFeature.getClient();
  return client.getBooleanValue('lazy-import', false);
}
