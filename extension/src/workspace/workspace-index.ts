import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FolderIndex } from '../engine';
import { loadEngine } from '../engine-loader';
import { todayFrom } from '../mapping/dates';
import { IndexProgress } from './index-progress';
import type { TokenStore } from './secrets';
import { readSettings } from './settings';

export interface IndexChange {
  /** Folder root whose records changed. */
  root: string;
  /** Files re-scanned; undefined when flag states (or everything) changed. */
  files?: string[];
}

interface FolderEntry {
  folder: vscode.WorkspaceFolder;
  index?: FolderIndex;
  ready: Promise<void>;
  error?: string;
  /** A remote source answered from its cache or not at all on the last load. */
  unreachable: Set<string>;
  /** Set while the background index runs. */
  progress?: { done: number; total: number };
}

const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/**
 * One FolderIndex per workspace folder, kept current: a changed document is re-scanned after a short debounce
 * (only that file), an edit of a flag file re-reads local sources only, remote sources refresh on an interval
 * and on command. Nothing reaches the network in Restricted Mode or with `flagsweep.offline`.
 */
export class WorkspaceIndex implements vscode.Disposable {
  private readonly folders = new Map<string, FolderEntry>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly emitter = new vscode.EventEmitter<IndexChange>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private timer: NodeJS.Timeout | undefined;
  readonly onDidChange = this.emitter.event;
  /** Today (UTC day): follows the clock, so an editor left open across midnight sees a flag expire. */
  private today = todayFrom(process.env.FLAGSWEEP_NOW);
  private readonly dayTimer = setInterval(() => this.checkDay(), 60_000);

  get now(): Date {
    return this.today;
  }

  /** A new day: statuses (expired, expiring, stale) are recomputed for every folder. */
  checkDay(clock?: () => Date): void {
    const today = todayFrom(process.env.FLAGSWEEP_NOW, clock);
    if (today.getTime() === this.today.getTime()) return;
    this.today = today;
    for (const entry of this.folders.values()) {
      if (!entry.index) continue;
      entry.index.now = today;
      this.emitter.fire({ root: entry.index.root });
    }
  }

  private readonly progress: IndexProgress;

  constructor(
    private readonly tokens: TokenStore,
    private readonly log: vscode.LogOutputChannel,
    memory: vscode.Memento,
  ) {
    this.progress = new IndexProgress(memory);
    this.disposables.push(this.progress);
    const ws = vscode.workspace;
    this.disposables.push(
      // Only the files themselves: the Refactor Preview, a git diff or a compare editor shows other text under the
      // same path (another scheme), which must not replace the file's in the index.
      ws.onDidChangeTextDocument((e) => e.document.uri.scheme === 'file' && e.contentChanges.length > 0 && this.schedule(e.document.uri.fsPath, () => e.document.getText())),
      ws.onDidCloseTextDocument((d) => d.uri.scheme === 'file' && this.schedule(d.uri.fsPath, () => undefined)),
      ws.onDidOpenTextDocument((d) => this.openedWhileIndexing(d)),
      // The config is read from disk, so a config edit takes effect when saved.
      ws.onDidSaveTextDocument((d) => /^flagsweep\.config\.jsonc?$/.test(path.basename(d.uri.fsPath)) && this.schedule(d.uri.fsPath, () => undefined)),
      ws.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) this.folders.delete(f.uri.fsPath);
        for (const f of e.added) this.addFolder(f);
        this.emitter.fire({ root: '' });
      }),
      ws.onDidGrantWorkspaceTrust(() => void this.refresh(true)),
      ws.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('flagsweep.configFile')) this.rebuildAll();
        else if (e.affectsConfiguration('flagsweep.offline')) void this.refresh(false);
        if (e.affectsConfiguration('flagsweep.refreshIntervalSeconds')) this.startTimer();
      }),
      tokens.onDidChange(() => void this.refresh(true)),
    );
    const watcher = ws.createFileSystemWatcher('**/*');
    const onDisk = (uri: vscode.Uri) => {
      // Open documents are tracked through their text; the watcher covers edits made outside the editor.
      if (!ws.textDocuments.some((d) => d.uri.fsPath === uri.fsPath)) this.schedule(uri.fsPath, () => undefined);
    };
    this.disposables.push(watcher, watcher.onDidChange(onDisk), watcher.onDidCreate(onDisk), watcher.onDidDelete(onDisk));
    for (const f of ws.workspaceFolders ?? []) this.addFolder(f);
    this.startTimer();
  }

  /** Lines for the flagsweep output channel from work done outside this class (the whole-flag plan). */
  logInfo(message: string): void {
    this.log.info(message);
  }

  logError(message: string): void {
    this.log.error(message);
  }

  get restricted(): boolean {
    return !vscode.workspace.isTrusted;
  }

  /** Text of an open document (unsaved edits included); undefined for files no editor holds. */
  readonly openText = (absPath: string): string | undefined =>
    vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === absPath)?.getText();

  /**
   * Text of a file as the person sees it: the open document's (unsaved) text, else the disk as the CLI reads it (a
   * FIFO refused at once, UTF-16 decoded). Its callers all hold a folder index, so the engine is loaded already.
   */
  readonly readFile = (absPath: string): string | undefined => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === absPath);
    if (doc) return doc.getText();
    try {
      return loadEngine().readTextFile(absPath);
    } catch {
      return undefined;
    }
  };

  private addFolder(folder: vscode.WorkspaceFolder): void {
    const entry: FolderEntry = { folder, ready: Promise.resolve(), unreachable: new Set() };
    // Indexing starts after activation returns: the engine bundle is loaded here, not at activation.
    entry.ready = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.build(entry));
    this.folders.set(folder.uri.fsPath, entry);
  }

  /**
   * Indexes a folder so the person is answered first: the flag source and the open files make the index usable at
   * once (hover, problems and quick fixes for the file in front of them), then every other file is scanned in the
   * background with progress in the status bar; usage counts, unused flags and cross-file facts fill in as it goes.
   */
  private async build(entry: FolderEntry): Promise<void> {
    const started = Date.now();
    const root = entry.folder.uri.fsPath;
    try {
      const settings = readSettings(entry.folder);
      const { FolderIndex } = loadEngine();
      const index = new FolderIndex({
        root,
        configFile: settings.configFile ? path.resolve(root, settings.configFile) : undefined,
        readFile: this.readFile,
        // In a trusted workspace the scan cache a CLI run left may be reused; Restricted Mode reads no cache.
        openText: this.restricted ? undefined : this.openText,
        now: this.now,
      });
      entry.error = undefined;
      const states = this.loadStates(entry, index, { force: false });
      const first = this.openCodeDocuments(root);
      index.indexFirst(first);
      await states;
      // Files opened while the flag source loaded came too late for indexFirst and too early for openedWhileIndexing.
      index.indexFirst(this.openCodeDocuments(root).filter((d) => !first.some((f) => f.file === d.file)));
      entry.index = index;
      entry.progress = { done: 0, total: 0 };
      this.timings.set(root, { answeringMs: Date.now() - started });
      this.log.info(`answering open files in ${root} after ${Date.now() - started} ms; indexing the rest in the background`);
      this.emitter.fire({ root });
      const cancelled = await this.progress.run(root, (report, isCancelled) =>
        index.indexAll((done, total) => {
          entry.progress = { done, total };
          report(done, total);
        }, isCancelled),
      );
      entry.progress = undefined;
      this.timings.set(root, { ...this.timings.get(root)!, indexedMs: Date.now() - started });
      if (cancelled) this.log.warn(`indexing ${root} was cancelled: usage counts cover only the files scanned so far`);
      else this.log.info(`indexed ${root}: ${index.records().length} flags in ${index.fileCount} files (${Date.now() - started} ms)`);
    } catch (e) {
      entry.index = undefined;
      entry.progress = undefined;
      entry.error = e instanceof Error ? e.message : String(e);
      this.log.error(`cannot index ${root}: ${e instanceof Error && e.stack ? e.stack : entry.error}`);
      // A broken flagsweep.config.json is the usual cause: say so once; fixing the file rebuilds (see schedule).
      void vscode.window.showWarningMessage(`flagsweep: ${entry.error}`);
    }
    this.emitter.fire({ root });
  }

  /** A file opened while its folder is still indexing is scanned at once: the person is answered before the rest. */
  private openedWhileIndexing(doc: vscode.TextDocument): void {
    if (doc.uri.scheme !== 'file' || !SOURCE_FILE.test(doc.uri.fsPath)) return;
    const entry = this.entryFor(doc.uri.fsPath);
    if (!entry?.index || !entry.progress || entry.index.fileEntry(doc.uri.fsPath.replace(/\\/g, '/'))) return;
    entry.index.indexFirst([{ file: doc.uri.fsPath, text: doc.getText() }]);
    this.emitter.fire({ root: entry.index.root, files: [doc.uri.fsPath.replace(/\\/g, '/')] });
  }

  /** The code documents open in the editor below `root`, with their (possibly unsaved) text. */
  private openCodeDocuments(root: string): { file: string; text: string }[] {
    return vscode.workspace.textDocuments
      .filter((d) => d.uri.scheme === 'file' && SOURCE_FILE.test(d.uri.fsPath) && d.uri.fsPath.startsWith(root + path.sep))
      .map((d) => ({ file: d.uri.fsPath, text: d.getText() }));
  }

  /** Per folder: ms from the start of its build until open files are answered, and until the whole index is done. */
  readonly timings = new Map<string, { answeringMs: number; indexedMs?: number }>();

  /** Files scanned / total while a folder's background index runs; undefined once it is complete. */
  indexingProgress(root: string): { done: number; total: number } | undefined {
    return [...this.folders.values()].find((e) => e.index?.root === root || e.folder.uri.fsPath === root)?.progress;
  }

  /** Is any folder still indexing? Workspace-wide facts (usage counts, unused flags) are not final until it ends. */
  get indexing(): boolean {
    return [...this.folders.values()].some((e) => e.progress !== undefined);
  }

  private rebuildAll(): void {
    for (const entry of this.folders.values()) entry.ready = this.build(entry);
  }

  private async loadStates(entry: FolderEntry, index: FolderIndex, opts: { force: boolean; localOnly?: boolean }): Promise<void> {
    const offline = this.restricted || readSettings(entry.folder).offline;
    // Restricted Mode: no stored token is read, let alone sent. Tokens are stored per origin: none goes elsewhere.
    const tokens = offline ? { env: {}, conflicts: [] } : await this.tokens.env(index.config.sources);
    for (const conflict of tokens.conflicts) this.log.warn(conflict);
    const env = tokens.env;
    const result = await index.loadStates({ env, offline, localOnly: opts.localOnly, force: opts.force });
    entry.unreachable = new Set(result.snapshots.filter((s) => s.kind !== 'flagd' && s.health !== 'ok').map((s) => s.id));
    for (const d of result.diagnostics) this.log.warn(`${d.where}: ${d.message}`);
  }

  /** Debounces work for one changed file; flag files and config files get their own handling. */
  private schedule(file: string, text: () => string | undefined): void {
    const entry = this.entryFor(file);
    if (!entry) return;
    if (!entry.index) {
      // The folder failed to index (bad config): an edit of a config file may fix it.
      if (/^flagsweep\.config\.jsonc?$/.test(path.basename(file)) || path.basename(file) === 'package.json') {
        clearTimeout(this.pending.get(file));
        this.pending.set(
          file,
          setTimeout(() => {
            this.pending.delete(file);
            entry.ready = this.build(entry);
          }, readSettings(entry.folder).debounceMs),
        );
      }
      return;
    }
    const index = entry.index;
    const isFlagFile = index.localSourceFiles().includes(file);
    const isConfig = file === index.config.configFile;
    // Unknown code files (new ones, or excluded ones like node_modules) are checked against the config before any scan.
    if (!isFlagFile && !isConfig && !SOURCE_FILE.test(file)) return;
    clearTimeout(this.pending.get(file));
    const run = () => {
      this.pending.delete(file);
      // The config is read from disk: typing in it changes nothing until it is saved.
      if (isConfig && vscode.workspace.textDocuments.some((d) => d.uri.fsPath === file && d.isDirty)) return;
      if (isConfig) {
        this.log.info(`config changed (${file}): re-indexing`);
        return this.rebuildAll();
      }
      if (isFlagFile) {
        void this.loadStates(entry, index, { force: false, localOnly: true }).then(() => this.emitter.fire({ root: index.root }));
        return;
      }
      const posix = file.replace(/\\/g, '/');
      const update = () => this.emitter.fire({ root: index.root, files: index.updateFile(posix, text()) });
      if (index.isSourceFile(posix)) return update();
      if (fs.existsSync(file)) void index.admit(posix).then((covered) => covered && update());
    };
    this.pending.set(file, setTimeout(run, readSettings(entry.folder).debounceMs));
  }

  /** Applies a pending (debounced) re-scan of `file` now, so a hover never reads offsets of older text. */
  flush(file: string): void {
    const entry = this.entryFor(file);
    const timer = this.pending.get(file);
    if (!entry?.index || !timer || !entry.index.isSourceFile(file)) return;
    clearTimeout(timer);
    this.pending.delete(file);
    const changed = entry.index.updateFile(file.replace(/\\/g, '/'), this.readFile(file));
    this.emitter.fire({ root: entry.index.root, files: changed });
  }

  private entryFor(file: string): FolderEntry | undefined {
    let best: FolderEntry | undefined;
    for (const [root, entry] of this.folders) {
      if ((file === root || file.startsWith(root + path.sep)) && (!best || root.length > best.folder.uri.fsPath.length)) best = entry;
    }
    return best;
  }

  folderFor(file: string): FolderIndex | undefined {
    return this.entryFor(file)?.index;
  }

  folderByRoot(root: string | undefined): FolderIndex | undefined {
    if (root === undefined) return this.all()[0];
    return this.all().find((i) => i.root === root) ?? this.entryFor(root)?.index;
  }

  all(): FolderIndex[] {
    return [...this.folders.values()].flatMap((e) => (e.index ? [e.index] : []));
  }

  /** Did the last load of `sourceId` (in `root`) fall back to cached data? */
  isUnreachable(root: string, sourceId: string | undefined): boolean {
    const entry = [...this.folders.values()].find((e) => e.index?.root === root);
    return !!sourceId && !!entry?.unreachable.has(sourceId);
  }

  errors(): string[] {
    return [...this.folders.values()].flatMap((e) => (e.error ? [e.error] : []));
  }

  /** Resolves when every folder has finished its initial index. */
  async whenReady(): Promise<void> {
    await Promise.all([...this.folders.values()].map((e) => e.ready));
  }

  /** Re-reads flag states; `force` revalidates remote sources with the server. */
  async refresh(force: boolean, root?: string): Promise<void> {
    await this.whenReady();
    const entries = [...this.folders.values()].filter((e) => e.index && (!root || e.index.root === root));
    await Promise.all(entries.map((e) => this.loadStates(e, e.index!, { force })));
    for (const e of entries) this.emitter.fire({ root: e.index!.root });
  }

  private startTimer(): void {
    clearInterval(this.timer);
    const seconds = readSettings().refreshIntervalSeconds;
    if (seconds > 0) {
      this.timer = setInterval(() => {
        if (this.all().some((i) => i.hasRemoteSources())) void this.refresh(true);
      }, seconds * 1000);
    }
  }

  dispose(): void {
    clearInterval(this.timer);
    clearInterval(this.dayTimer);
    for (const t of this.pending.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
