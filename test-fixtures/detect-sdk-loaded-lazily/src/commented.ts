// Was: const { OpenFeature } = require('@openfeature/server-sdk');
const note = "await import('@openfeature/server-sdk')";
declare const client: { getBooleanValue(k: string, d: boolean): boolean };

export const off = [note, client.getBooleanValue('only-mentioned', false)];
