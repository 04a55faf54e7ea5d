// A cancellable progress notification while the sources are indexed. Shown only when indexing takes a while,
// so a small source folder does not flash a toast at every start.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { StatusParams } from '../shared/protocol.js';

const SHOW_AFTER_MS = 700;

export class IndexingNotification implements vscode.Disposable {
  private pending: NodeJS.Timeout | undefined;
  private report: ((status: StatusParams) => void) | undefined;
  private finish: (() => void) | undefined;
  private latest: StatusParams | undefined;

  constructor(private readonly cancel: () => void) {}

  update(status: StatusParams): void {
    this.latest = status;
    if (status.state === 'ready') return this.close();
    if (this.report) return this.report(status);
    this.pending ??= setTimeout(() => this.open(), SHOW_AFTER_MS);
  }

  private open(): void {
    this.pending = undefined;
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Groundwork: indexing sources', cancellable: true },
      (progress, token) => {
        token.onCancellationRequested(this.cancel);
        let done = 0;
        this.report = (status) => {
          const percent = status.total ? (status.indexed / status.total) * 100 : 0;
          const file = status.current ? ` · ${basename(status.current)}` : '';
          progress.report({
            increment: Math.max(0, percent - done),
            message: `${status.indexed}/${status.total} files${file}`,
          });
          done = Math.max(done, percent);
        };
        if (this.latest) this.report(this.latest);
        return new Promise<void>((resolve) => (this.finish = resolve));
      },
    );
  }

  private close(): void {
    clearTimeout(this.pending);
    this.pending = undefined;
    this.finish?.();
    this.finish = undefined;
    this.report = undefined;
  }

  dispose(): void {
    this.close();
  }
}
