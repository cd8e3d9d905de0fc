declare const button: { isEnabled(k: string): boolean };
declare const client: { getBooleanValue(k: string, d: boolean): boolean; variation(k: string, c: unknown, d: boolean): boolean };
declare const featureFlags: { isEnabled(k: string): boolean };

export const ui = [
  button.isEnabled('save'),
  client.getBooleanValue('no-sdk-import', false),
  client.variation('no-sdk-import-2', {}, false),
  featureFlags.isEnabled('suffix-is-not-a-substring'),
];
