export interface FlagService {
  isEnabled(key: string): boolean;
  isDisabled(key: string): boolean;
  checkToggle(owner: unknown, key: string, fallback: string): string;
}
