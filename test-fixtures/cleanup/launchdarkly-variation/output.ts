import * as ld from '@launchdarkly/node-server-sdk';

export async function layout(client: ld.LDClient, ctx: ld.LDContext) {
  return twoColumn();
}
