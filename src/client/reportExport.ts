// "Export Fact-Check Report" as HTML: the report view's page for the active draft, as a new document to save.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { renderReportHtml } from '../shared/report/html.js';
import { reportModelOf } from './reportView.js';

export async function exportHtmlReport(client: LanguageClient): Promise<vscode.TextDocument | undefined> {
  const draft = vscode.window.activeTextEditor?.document.uri;
  const model = draft && (await reportModelOf(client, draft));
  if (!model) {
    void vscode.window.showInformationMessage('Groundwork: open a checked draft to export its HTML report.');
    return undefined;
  }
  const content = renderReportHtml([model], {
    nonce: randomBytes(16).toString('base64'),
    sourceHref: (path) => vscode.Uri.file(path).toString(),
    generatedAt: new Date(),
  });
  const document = await vscode.workspace.openTextDocument({ content, language: 'html' });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}
