/** The experiments the app reads, as its own typed hook declares them. */
export interface Experiments {
  'connector.ipAddresses': Record<string, string[]>;
  'billing.newPlans': boolean;
  'sidebar.title': string;
}

export declare function useExperiment<K extends keyof Experiments>(key: K): Experiments[K];

// A reader the types say nothing about: what it returns is whatever the flag holds.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export declare function readUntyped(key: string): any;

export declare const settings: { flags: { betaBanner: boolean; bannerText: string } };
