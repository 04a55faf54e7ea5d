// A team corpus's documents have no file on the writer's machine: "Open source" on their evidence opens a read-only
// `groundwork-team:` document whose text the server gives (it holds the documents its checks fetched).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { TEAM_SOURCE_REQUEST, TEAM_SOURCE_SCHEME } from '../shared/protocol.js';

export function registerTeamSources(client: () => Promise<LanguageClient>): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(TEAM_SOURCE_SCHEME, {
    provideTextDocumentContent: async (uri) =>
      (await (await client()).sendRequest(TEAM_SOURCE_REQUEST, { uri: uri.toString() })) ??
      'Groundwork no longer holds this team corpus document: check the draft again to fetch it.',
  });
}
