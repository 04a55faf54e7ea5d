// The status bar item: indexing state, then the active draft's verdict counts; a click opens the Problems view.
import * as vscode from 'vscode';
import type { StatusParams, VerdictCounts } from '../shared/protocol.js';

export class GroundworkStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('groundwork.status', vscode.StatusBarAlignment.Left, 10);
  private readonly counts = new Map<string, VerdictCounts>();
  private status: StatusParams | undefined;
  private live = true;

  constructor() {
    this.item.name = 'Groundwork';
    this.item.command = 'workbench.actions.view.problems';
    this.render();
    this.item.show();
  }

  setStatus(status: StatusParams): void {
    this.status = status;
    this.render();
  }

  setCounts(uri: string, counts: VerdictCounts): void {
    this.counts.set(uri, counts);
    this.render();
  }

  setLive(live: boolean): void {
    this.live = live;
    this.render();
  }

  /** Re-render for the editor that became active. */
  render(): void {
    const status = this.status;
    const paused = this.live ? '' : ' (paused)';
    if (!status) {
      this.item.text = '$(loading~spin) Groundwork';
      this.item.tooltip = 'Groundwork is starting';
      return;
    }
    if (status.state === 'indexing') {
      this.item.text = `$(loading~spin) Groundwork: indexing ${status.indexed}/${status.total}`;
      this.item.tooltip = 'Groundwork is indexing the source documents';
      return;
    }
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const counts = uri ? this.counts.get(uri) : undefined;
    const sources = `${status.indexed} source${status.indexed === 1 ? '' : 's'} indexed`;
    const skipped = status.warnings.length > 0 ? `, ${status.warnings.length} skipped (see the Groundwork output)` : '';
    if (!counts) {
      this.item.text = `$(book) Groundwork${paused}`;
      this.item.tooltip = `Groundwork: ${sources}${skipped}`;
      return;
    }
    this.item.text = `$(pass) ${counts.supported} $(error) ${counts.contradicted} $(question) ${counts.unsupported}${paused}`;
    this.item.tooltip = `Groundwork: ${counts.supported} supported, ${counts.contradicted} contradicted, ${counts.unsupported} unsupported; ${sources}${skipped}. Click to open the Problems view.`;
  }

  dispose(): void {
    this.item.dispose();
  }
}
