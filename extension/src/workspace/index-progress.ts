import * as vscode from 'vscode';
import { indexingText } from '../mapping/status-bar';

type Work = (report: (done: number, total: number) => void, isCancelled: () => boolean) => Promise<void>;

/**
 * Shows what the background index is doing: a status-bar item ("flagsweep: indexing 1,200 / 3,400 files") always,
 * and on a folder's first index a cancellable progress notification, so a person opening a large repository sees
 * why usage counts are still coming.
 */
export class IndexProgress implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('flagsweep.indexing', vscode.StatusBarAlignment.Left, 49);

  constructor(private readonly memory: vscode.Memento) {
    this.item.name = 'flagsweep indexing';
  }

  /** Runs `work`; resolves true when the person cancelled it. */
  async run(root: string, work: Work): Promise<boolean> {
    const seenKey = `flagsweep.indexed:${root}`;
    let notify: ((done: number, total: number) => void) | undefined;
    const report = (done: number, total: number) => {
      this.item.text = `$(sync~spin) ${indexingText(done, total)}`;
      this.item.tooltip = `${root}: hovers and problems of open files are live; usage counts fill in as the index completes.`;
      this.item.show();
      notify?.(done, total);
    };
    let cancelled = false;
    try {
      if (this.memory.get<boolean>(seenKey)) {
        await work(report, () => false);
      } else {
        await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: 'flagsweep: indexing flag checks', cancellable: true },
          async (progress, token) => {
            let shown = 0;
            notify = (done, total) => {
              const percent = total > 0 ? (done / total) * 100 : 0;
              progress.report({ message: indexingText(done, total).replace('flagsweep: indexing ', ''), increment: percent - shown });
              shown = percent;
            };
            await work(report, () => token.isCancellationRequested);
            cancelled = token.isCancellationRequested;
          },
        );
      }
    } finally {
      this.item.hide();
    }
    if (!cancelled) await this.memory.update(seenKey, true);
    return cancelled;
  }

  dispose(): void {
    this.item.dispose();
  }
}
