// Migrated away from launchdarkly-node-server-sdk; was: import { init } from '@openfeature/server-sdk';
export const SDK_NAME = 'unleash-client';

declare const unleash: { isEnabled(k: string): boolean };
declare function useFlag(k: string): boolean;

export const on = unleash.isEnabled('mentioned-not-imported') && useFlag('hook-not-imported');
