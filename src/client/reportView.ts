// "Groundwork: Open Fact-Check Report": the report of the active draft in a webview beside it. It shows the
// results the diagnostics come from (the server's latest check, asked for whenever the draft's diagnostics
// change: no second check), keeps its filters and scroll across updates, and is restored after a window reload.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { renderReportContent, renderReportHtml, type HtmlOptions } from '../shared/report/html.js';
import { buildReportModel, type ReportModel } from '../shared/report/model.js';
import type { Range } from '../core/types.js';
import {
  REPORT_DATA_REQUEST,
  type RenderedRow,
  type ReportDataResult,
  type ReportViewMessage,
} from '../shared/report/protocol.js';

export const REPORT_VIEW_TYPE = 'groundwork.report';

type Rendered = Extract<ReportViewMessage, { type: 'rendered' }>;

/** The draft's latest results as a report model, or undefined when the server has not checked it. */
export async function reportModelOf(client: LanguageClient, draft: vscode.Uri): Promise<ReportModel | undefined> {
  const data = await client.sendRequest<ReportDataResult>(REPORT_DATA_REQUEST, { uri: draft.toString() });
  if (!data) return undefined;
  return buildReportModel({
    ...data,
    path: vscode.workspace.asRelativePath(draft),
    displayPath: (path) => vscode.workspace.asRelativePath(path),
  });
}

export class ReportView implements vscode.Disposable {
  private static readonly views = new Map<string, ReportView>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private shown: 'nothing' | 'page' | 'stale' = 'nothing';
  private refreshing: Promise<void> = Promise.resolve();
  private queued = false;
  private rendered: Rendered | undefined;
  private readonly renderListeners = new Set<(rendered: Rendered) => void>();

  private constructor(
    readonly panel: vscode.WebviewPanel,
    readonly draft: vscode.Uri,
    private readonly client: () => Promise<LanguageClient>,
  ) {
    panel.webview.options = { enableScripts: true, localResourceRoots: [] };
    ReportView.views.set(draft.toString(), this);
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((message: ReportViewMessage) => this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
      // A hidden webview is reloaded from its page, which the updates since did not change, when it is shown again:
      // it is given the whole page anew then.
      panel.onDidChangeViewState(() => {
        if (!panel.visible && this.shown === 'page') this.shown = 'stale';
        else if (panel.visible && this.shown === 'stale') this.refresh();
      }),
      // The server publishes diagnostics after every check of the draft: that is when the report changes too.
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((uri) => uri.toString() === draft.toString())) this.refresh();
      }),
    );
    // The server checks open documents only: a view restored after a reload opens its draft (without showing it).
    void vscode.workspace.openTextDocument(draft).then(
      () => this.refresh(),
      () => this.refresh(),
    );
  }

  /** Opens (or shows) the report of `draft`. */
  static show(draft: vscode.Uri, client: () => Promise<LanguageClient>): ReportView {
    const existing = ReportView.views.get(draft.toString());
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, ReportView.title(draft), {
      viewColumn: vscode.ViewColumn.Beside,
      preserveFocus: true,
    });
    return new ReportView(panel, draft, client);
  }

  static restore(panel: vscode.WebviewPanel, draft: vscode.Uri, client: () => Promise<LanguageClient>): ReportView {
    return new ReportView(panel, draft, client);
  }

  private static title(draft: vscode.Uri): string {
    return `Fact-check: ${draft.path.slice(draft.path.lastIndexOf('/') + 1)}`;
  }

  /** The rows the webview shows once `done` holds for them (tests and other extensions read the view this way). */
  whenRendered(
    done: (rendered: Rendered) => boolean = () => true,
  ): Promise<{ rows: RenderedRow[]; counts: Rendered['counts'] }> {
    if (this.rendered && done(this.rendered)) return Promise.resolve(this.rendered);
    return new Promise((resolve) => {
      const listener = (rendered: Rendered) => {
        if (!done(rendered)) return;
        this.renderListeners.delete(listener);
        resolve(rendered);
      };
      this.renderListeners.add(listener);
    });
  }

  private refresh(): void {
    // One request at a time, and at most one waiting: a burst of checks while typing costs one more render, of the
    // last check.
    if (this.queued) return;
    this.queued = true;
    this.refreshing = this.refreshing
      .then(() => {
        this.queued = false;
        return this.render();
      })
      .catch((error: Error) => {
        void vscode.window.showErrorMessage(
          `Groundwork: the fact-check report of ${vscode.workspace.asRelativePath(this.draft)} could not be updated: ${error.message}`,
        );
      });
  }

  private async render(): Promise<void> {
    // A hidden webview cannot take the update: it is rendered when shown, and the server is not asked till then.
    if (!this.panel.visible && this.shown !== 'nothing') {
      this.shown = 'stale';
      return;
    }
    const model = await reportModelOf(await this.client(), this.draft);
    const webview = this.panel.webview;
    const options: HtmlOptions = {
      nonce: randomBytes(16).toString('base64'),
      webviewCspSource: webview.cspSource,
      draftUri: this.draft.toString(),
      sourceHref: () => '#',
      generatedAt: new Date(),
    };
    if (!model) {
      if (this.shown === 'nothing') webview.html = waitingPage(options.nonce, this.draft);
      return;
    }
    if (this.shown === 'page') {
      await webview.postMessage({ type: 'update', html: renderReportContent(model, options) });
    } else {
      webview.html = renderReportHtml([model], options);
      this.shown = 'page';
    }
  }

  private async receive(message: ReportViewMessage): Promise<void> {
    if (message.type === 'rendered') {
      this.rendered = message;
      for (const listener of [...this.renderListeners]) listener(message);
    } else if (message.type === 'reveal') {
      await this.showSelected(this.draft, message.range, false);
    } else if (message.type === 'openSource') {
      await this.showSelected(vscode.Uri.file(message.source), message.range, true);
    }
  }

  /** Opens a file with a range selected in the draft's column: the report beside it stays in view. */
  private async showSelected(uri: vscode.Uri, { start, end }: Range, preview: boolean): Promise<void> {
    const selection = new vscode.Range(start.line, start.character, end.line, end.character);
    const column = vscode.window.visibleTextEditors.find(
      (editor) => editor.document.uri.toString() === this.draft.toString(),
    )?.viewColumn;
    const editor = await vscode.window.showTextDocument(uri, {
      viewColumn: column ?? vscode.ViewColumn.One,
      selection,
      preview,
    });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    ReportView.views.delete(this.draft.toString());
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    this.panel.dispose();
  }
}

/** Before the server has checked the draft (sources still indexing): the view says so and fills in on the first check. */
function waitingPage(nonce: string, draft: vscode.Uri): string {
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}';">` +
    `<style nonce="${nonce}">body{font-family:var(--vscode-font-family);color:var(--vscode-descriptionForeground);padding:20px}</style></head>` +
    `<body><p>Groundwork has not checked ${vscode.workspace.asRelativePath(draft).replace(/[&<>"]/g, '')} yet: the report appears after its first check.</p></body></html>`
  );
}

export function registerReportView(client: () => Promise<LanguageClient>): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('groundwork.openReport', async (draft?: vscode.Uri) => {
      const uri = draft ?? vscode.window.activeTextEditor?.document.uri;
      if (!uri) {
        void vscode.window.showInformationMessage('Groundwork: open a draft to see its fact-check report.');
        return undefined;
      }
      await client();
      return ReportView.show(uri, client);
    }),
    vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, {
      deserializeWebviewPanel(panel, state: { draft?: string } | undefined) {
        if (state?.draft) ReportView.restore(panel, vscode.Uri.parse(state.draft), client);
        else panel.dispose();
        return Promise.resolve();
      },
    }),
  ];
}
