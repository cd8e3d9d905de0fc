export class FlagClient {
  constructor(private readonly values: Record<string, boolean>) {}

  isEnabled(key: string, fallback = false): boolean {
    return this.values[key] ?? fallback;
  }
}

export const client = new FlagClient({});
