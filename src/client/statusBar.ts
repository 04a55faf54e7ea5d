// The status bar item: indexing state, then the active draft's verdict counts; a click opens the Problems view.
// A team corpus that cannot be reached or was refused marks it with a warning until it is back.
import * as vscode from 'vscode';
import type { CorpusProblem, StatusParams, VerdictCounts } from '../shared/protocol.js';

export class GroundworkStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('groundwork.status', vscode.StatusBarAlignment.Left, 10);
  private readonly counts = new Map<string, VerdictCounts>();
  private status: StatusParams | undefined;
  private live = true;
  /** The team corpora that cannot be used now. */
  private corpusProblems: CorpusProblem[] = [];

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

  setCorpusProblems(problems: CorpusProblem[]): void {
    this.corpusProblems = problems;
    this.render();
  }

  setLive(live: boolean): void {
    this.live = live;
    this.render();
  }

  /** Re-render for the editor that became active. */
  render(): void {
    const { text, tooltip } = this.describe();
    const problems = this.corpusProblems;
    this.item.text = problems.length > 0 ? `${text} $(warning)` : text;
    this.item.tooltip = [tooltip, ...problems.map((problem) => problem.message)].join('\n\n');
    this.item.backgroundColor =
      problems.length > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  /** The item's text and tooltip for the indexing state and the active draft's counts. */
  private describe(): { text: string; tooltip: string } {
    const status = this.status;
    const paused = this.live ? '' : ' (paused)';
    if (!status) return { text: '$(loading~spin) Groundwork', tooltip: 'Groundwork is starting' };
    if (status.state === 'indexing') {
      return {
        text: `$(loading~spin) Groundwork: indexing ${status.indexed}/${status.total}`,
        tooltip: 'Groundwork is indexing the source documents',
      };
    }
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const counts = uri ? this.counts.get(uri) : undefined;
    const sources = `${status.indexed} source${status.indexed === 1 ? '' : 's'} indexed`;
    const skipped = status.warnings.length > 0 ? `, ${status.warnings.length} skipped (see the Groundwork output)` : '';
    if (!counts) return { text: `$(book) Groundwork${paused}`, tooltip: `Groundwork: ${sources}${skipped}` };
    return {
      text: `$(pass) ${counts.supported} $(error) ${counts.contradicted} $(question) ${counts.unsupported}${paused}`,
      tooltip: `Groundwork: ${counts.supported} supported, ${counts.contradicted} contradicted, ${counts.unsupported} unsupported; ${sources}${skipped}. Click to open the Problems view.`,
    };
  }

  dispose(): void {
    this.item.dispose();
  }
}
