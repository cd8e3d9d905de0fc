import type * as vscode from 'vscode';
import type { SourceConfig } from '@flagsweep/analyzer';
import { isTokenKey, secretKey, tokenEnvironment, tokenSlots, type TokenSlot } from '../mapping/token-slots';

/**
 * Tokens for remote flag services live in VS Code SecretStorage, keyed by the service origin and the environment
 * variable name the config names (`tokenEnv`), so a token only ever goes to the origin it was entered for. They
 * are handed to the core as that variable, never logged.
 */
export class TokenStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** The tokens for these sources, as the environment the core reads; `conflicts` explains tokens left out. */
  async env(sources: readonly SourceConfig[]): Promise<{ env: Record<string, string | undefined>; conflicts: string[] }> {
    const slots = tokenSlots(sources);
    const stored = new Map<string, string | undefined>();
    for (const slot of slots) stored.set(secretKey(slot), await this.secrets.get(secretKey(slot)));
    return tokenEnvironment(slots, (key) => stored.get(key));
  }

  set(slot: TokenSlot, token: string): Thenable<void> {
    return this.secrets.store(secretKey(slot), token);
  }

  clear(slot: TokenSlot): Thenable<void> {
    return this.secrets.delete(secretKey(slot));
  }

  onDidChange(listener: () => void): vscode.Disposable {
    return this.secrets.onDidChange((e) => {
      if (isTokenKey(e.key)) listener();
    });
  }
}
