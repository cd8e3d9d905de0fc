// Stand-ins for the SDKs this fixture imports, so the editor shows no unrelated errors (no node_modules here).
declare module '@unleash/proxy-client-react' {
  export function useFlag(name: string): boolean;
}
declare module 'unleash-proxy-client' {
  export class UnleashClient {
    constructor(config: { url: string; clientKey: string; appName: string });
    isEnabled(name: string): boolean;
  }
}
declare module '@openfeature/web-sdk' {
  export const OpenFeature: { getClient(): { getBooleanValue(key: string, defaultValue: boolean): boolean } };
}
declare module 'launchdarkly-react-client-sdk' {
  export function useFlags(): Record<string, boolean>;
}
declare namespace JSX {
  interface IntrinsicElements {
    [name: string]: Record<string, unknown>;
  }
  type Element = unknown;
}
