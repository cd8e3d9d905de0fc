interface FeatureFlags {
  darkMode: boolean;
}

interface Options {
  retries?: number;
  flags: { search?: boolean };
}

export const defaultFlags: FeatureFlags = {
  darkMode: true,
};

export const testOptions: Options = { flags: {} };

export const optional: Partial<FeatureFlags> = {};

export function checkout() {
  return 'new';
}
