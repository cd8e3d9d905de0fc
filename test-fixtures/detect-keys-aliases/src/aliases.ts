declare const flags: { isEnabled(key: string): boolean };
declare function getKey(): string;
declare const settings: { flagName: string } | undefined;

const flagKey = getKey();

export const aliased = [flags.isEnabled(flagKey), flags.isEnabled(settings.flagName), flags.isEnabled(settings?.flagName)];
export const fromCall = flags.isEnabled(getKey( 'checkout' ));
