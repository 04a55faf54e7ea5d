// The palette commands. Each returns its result, so other extensions (and the integration tests) can use them.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { findingsReport, type DraftReport } from '../core/report/json.js';
import { sarifReport } from '../core/report/sarif.js';
import {
  CHECK_DOCUMENT_REQUEST,
  CHECK_WORKSPACE_REQUEST,
  FINDING_AT_REQUEST,
  FINDINGS_REQUEST,
  OPEN_SOURCE_COMMAND,
  REBUILD_INDEX_REQUEST,
  SET_LIVE_CHECKING_NOTIFICATION,
  type CheckWorkspaceResult,
  type RebuildIndexResult,
  type VerdictCounts,
} from '../shared/protocol.js';
import { markdownReport } from './markdownReport.js';
import { exportHtmlReport } from './reportExport.js';

export type ReportFormat = 'markdown' | 'json' | 'sarif' | 'html';

export interface CommandContext {
  client(): Promise<LanguageClient>;
  onLiveCheckingChanged(enabled: boolean): void;
  workspaceState: vscode.Memento;
  version: string;
}

const LIVE_KEY = 'groundwork.liveChecking';

export function isLiveChecking(state: vscode.Memento): boolean {
  return state.get<boolean>(LIVE_KEY, true);
}

const describeCounts = (counts: VerdictCounts) =>
  `${counts.contradicted} contradicted, ${counts.unsupported} unsupported, ${counts.supported} supported`;

async function openSource(
  uri: string,
  range: { start: { line: number; character: number }; end: { line: number; character: number } },
) {
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, preview: true });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

async function checkDocument(context: CommandContext): Promise<VerdictCounts | null> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showInformationMessage('Groundwork: open a draft to check it.');
    return null;
  }
  const client = await context.client();
  const counts = await client.sendRequest(CHECK_DOCUMENT_REQUEST, { uri: document.uri.toString() });
  if (counts) void vscode.window.setStatusBarMessage(`Groundwork: ${describeCounts(counts)}`, 5000);
  else
    void vscode.window.showInformationMessage(
      `Groundwork does not check ${basename(document.uri.path)} (not a draft).`,
    );
  return counts;
}

async function checkWorkspace(context: CommandContext): Promise<CheckWorkspaceResult> {
  const client = await context.client();
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Groundwork: checking all drafts' },
    () => client.sendRequest(CHECK_WORKSPACE_REQUEST),
  );
  void vscode.window.showInformationMessage(
    `Groundwork checked ${result.files} draft${result.files === 1 ? '' : 's'}: ${describeCounts(result.counts)}.`,
  );
  if (result.counts.contradicted + result.counts.unsupported > 0)
    void vscode.commands.executeCommand('workbench.actions.view.problems');
  return result;
}

async function rebuildIndex(context: CommandContext): Promise<RebuildIndexResult> {
  const client = await context.client();
  const result = await client.sendRequest(REBUILD_INDEX_REQUEST);
  const skipped = result.warnings.length > 0 ? ` (${result.warnings.length} skipped: see the Groundwork output)` : '';
  void vscode.window.setStatusBarMessage(`Groundwork: indexed ${result.documents} sources${skipped}`, 5000);
  return result;
}

async function showSources(context: CommandContext): Promise<vscode.TextEditor | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const client = await context.client();
  const finding = await client.sendRequest(FINDING_AT_REQUEST, {
    uri: editor.document.uri.toString(),
    position: editor.selection.active,
  });
  if (!finding || finding.evidence.length === 0) {
    void vscode.window.showInformationMessage('Groundwork: no source passage for the sentence at the cursor.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    finding.evidence.map((evidence, index) => ({
      label: `${evidence.title ?? basename(evidence.source)}: line ${evidence.range.start.line + 1}`,
      description: `match ${evidence.score.toFixed(2)}${evidence.date ? ` · ${evidence.date}` : ''}`,
      detail: evidence.text.replace(/\s+/g, ' '),
      index,
    })),
    { title: `Sources for: ${finding.text.slice(0, 80)}`, matchOnDetail: true },
  );
  if (!picked) return undefined;
  return openSource(finding.evidenceUris[picked.index], finding.evidence[picked.index].range);
}

function renderReport(
  format: ReportFormat,
  files: DraftReport[],
  version: string,
): { content: string; language: string } {
  const base = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  if (format === 'markdown') return { content: markdownReport(files, new Date()), language: 'markdown' };
  const report = format === 'json' ? findingsReport(files, base) : sarifReport(files, base, version);
  return { content: `${JSON.stringify(report, null, 2)}\n`, language: 'json' };
}

async function exportReport(
  context: CommandContext,
  requested?: ReportFormat,
): Promise<vscode.TextDocument | undefined> {
  const format =
    requested ??
    (
      await vscode.window.showQuickPick(
        [
          { label: 'Markdown', description: 'for editors and reviewers', format: 'markdown' as const },
          { label: 'JSON', description: 'findings report, version 1', format: 'json' as const },
          { label: 'SARIF', description: '2.1.0, for code-scanning viewers', format: 'sarif' as const },
          { label: 'HTML', description: 'the report view as one page, to print or send', format: 'html' as const },
        ],
        { title: 'Export Fact-Check Report' },
      )
    )?.format;
  if (!format) return undefined;
  const client = await context.client();
  if (format === 'html') return exportHtmlReport(client);
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  let { files } = await client.sendRequest(FINDINGS_REQUEST, active ? { uris: [active] } : {});
  if (files.length === 0) ({ files } = await client.sendRequest(FINDINGS_REQUEST, {}));
  const drafts = files.map((file) => ({ path: vscode.workspace.asRelativePath(file.path), findings: file.findings }));
  const { content, language } = renderReport(format, drafts, context.version);
  const document = await vscode.workspace.openTextDocument({ content, language });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

async function toggleLiveChecking(context: CommandContext): Promise<boolean> {
  const enabled = !isLiveChecking(context.workspaceState);
  await context.workspaceState.update(LIVE_KEY, enabled);
  context.onLiveCheckingChanged(enabled);
  await (await context.client()).sendNotification(SET_LIVE_CHECKING_NOTIFICATION, { enabled });
  void vscode.window.setStatusBarMessage(`Groundwork: live checking ${enabled ? 'on' : 'off'}`, 3000);
  return enabled;
}

export function registerCommands(context: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('groundwork.checkDocument', () => checkDocument(context)),
    vscode.commands.registerCommand('groundwork.checkWorkspace', () => checkWorkspace(context)),
    vscode.commands.registerCommand('groundwork.rebuildIndex', () => rebuildIndex(context)),
    vscode.commands.registerCommand('groundwork.showSources', () => showSources(context)),
    vscode.commands.registerCommand('groundwork.exportReport', (format?: ReportFormat) =>
      exportReport(context, format),
    ),
    vscode.commands.registerCommand('groundwork.toggleLiveChecking', () => toggleLiveChecking(context)),
    vscode.commands.registerCommand(OPEN_SOURCE_COMMAND, openSource),
  ];
}
