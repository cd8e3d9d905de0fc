import type * as vscode from 'vscode';

/**
 * Tokens for remote flag services live in VS Code SecretStorage, keyed by the environment variable name the
 * config names (`tokenEnv`, e.g. UNLEASH_TOKEN). They are handed to the core as that variable, never logged.
 */
export class TokenStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  private static id(envName: string): string {
    return `flagsweep.token.${envName}`;
  }

  async env(names: readonly string[]): Promise<Record<string, string | undefined>> {
    const out: Record<string, string | undefined> = {};
    for (const name of names) out[name] = await this.secrets.get(TokenStore.id(name));
    return out;
  }

  set(envName: string, token: string): Thenable<void> {
    return this.secrets.store(TokenStore.id(envName), token);
  }

  clear(envName: string): Thenable<void> {
    return this.secrets.delete(TokenStore.id(envName));
  }

  onDidChange(listener: () => void): vscode.Disposable {
    return this.secrets.onDidChange((e) => {
      if (e.key.startsWith('flagsweep.token.')) listener();
    });
  }
}
