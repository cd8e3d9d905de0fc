// Must stay the first import: it timestamps the start of loading this bundle.
import { moduleStarted } from './timing';
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { FlagCodeActions } from './providers/code-actions';
import { FlagKeyCompletion } from './providers/completion';
import { FlagDiagnostics } from './providers/diagnostics';
import { FlagsView } from './providers/flags-view';
import { FlagHoverProvider } from './providers/hover';
import { FlagStatusBar } from './providers/status-bar';
import { TokenStore } from './workspace/secrets';
import { planWorker } from './workspace/whole-flag-plan';
import { WorkspaceIndex } from './workspace/workspace-index';

const CODE: vscode.DocumentSelector = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'].map((language) => ({ language, scheme: 'file' }));
const FLAG_FILES: vscode.DocumentSelector = [{ language: 'json', scheme: 'file' }, { language: 'jsonc', scheme: 'file' }];

/** What activate() returns: used by the end-to-end tests and by anyone scripting the extension. */
export interface FlagsweepApi {
  index: WorkspaceIndex;
  /** SecretStorage-backed tokens (tests set one without the input box). */
  tokens: TokenStore;
  diagnostics: FlagDiagnostics;
  flagsView: FlagsView;
  statusBar: FlagStatusBar;
  /** Loading this bundle plus activate(), in ms (the analyzer loads afterwards, in the background). */
  activationMs: number;
  /** Extension-host memory when activation started, to measure what the index costs. */
  memoryAtActivation: NodeJS.MemoryUsage;
}

/**
 * Wires providers to the workspace index. Activation does no analysis and does not load the analyzer:
 * indexing starts on the next turn of the event loop.
 */
export function activate(context: vscode.ExtensionContext): FlagsweepApi {
  const started = Math.min(moduleStarted, performance.now());
  const memoryAtActivation = process.memoryUsage();
  const log = mirrorToConsole(vscode.window.createOutputChannel('flagsweep', { log: true }));
  const tokens = new TokenStore(context.secrets);
  const index = new WorkspaceIndex(tokens, log, context.workspaceState);
  const diagnostics = new FlagDiagnostics(index);
  const flagsView = new FlagsView(index);
  const statusBar = new FlagStatusBar(index);
  context.subscriptions.push(
    log,
    index,
    diagnostics,
    flagsView,
    statusBar,
    vscode.window.registerTreeDataProvider('flagsweep.flags', flagsView),
    vscode.languages.registerHoverProvider([...(CODE as vscode.DocumentFilter[]), ...(FLAG_FILES as vscode.DocumentFilter[])], new FlagHoverProvider(index)),
    vscode.languages.registerCodeActionsProvider(CODE, new FlagCodeActions(index), FlagCodeActions.metadata),
    vscode.languages.registerCompletionItemProvider(CODE, new FlagKeyCompletion(index), "'", '"', '`'),
    ...registerCommands(index, tokens),
    { dispose: () => planWorker.dispose() },
  );
  const activationMs = performance.now() - started;
  log.info(`activated in ${activationMs.toFixed(1)} ms${vscode.workspace.isTrusted ? '' : ' (Restricted Mode: local files only)'}`);
  index.whenReady().then(() => log.info(`index ready ${(performance.now() - started).toFixed(0)} ms after activation started`));
  return { index, tokens, diagnostics, flagsView, statusBar, activationMs, memoryAtActivation };
}

export function deactivate(): void {}

/** FLAGSWEEP_LOG_TO_CONSOLE=1 (the end-to-end runner) copies the log to the console, which the runner relays. */
function mirrorToConsole(log: vscode.LogOutputChannel): vscode.LogOutputChannel {
  if (process.env.FLAGSWEEP_LOG_TO_CONSOLE !== '1') return log;
  for (const level of ['info', 'warn', 'error'] as const) {
    const original = log[level].bind(log);
    log[level] = (message: string | Error, ...args: unknown[]) => {
      console.log(`[flagsweep ${level}] ${String(message)}`);
      original(message as string, ...args);
    };
  }
  return log;
}
