import * as configcat from 'configcat-node';

const client = configcat.getClient('sdk-key');

export async function settings() {
  const enabled = await client.getValueAsync('isAwesomeFeatureEnabled', false);
  const text = await client.getValueAsync('welcomeText', 'hello');
  return { enabled, text };
}
