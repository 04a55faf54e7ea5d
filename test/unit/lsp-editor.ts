// An editor session with the real language server over stdio, for the team corpus tests: it answers the server's
// settings and password requests as an editor configured by the test would, and records what the server publishes,
// logs, shows and reports about its team corpora.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShowMessageNotification,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol/node.js';
import {
  CORPUS_PASSWORD_REQUEST,
  CORPUS_PROBLEMS_NOTIFICATION,
  STATUS_NOTIFICATION,
  type CorpusProblem,
} from '../../src/shared/protocol.js';
import { startServer, stopServer } from './lsp-server.js';

export interface EditorOptions {
  /** The editor's `groundwork` settings (the same for every folder). */
  settings: Record<string, unknown>;
  /** The server's environment. */
  environment?: NodeJS.ProcessEnv;
  /** The team corpus passwords the editor keeps, by exact connection string; absent: it keeps none. */
  passwords?: Record<string, string>;
}

export class Editor {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly shown: ShowMessageParams[] = [];
  /** Each team corpus problems notification's list. */
  readonly corpusProblems: CorpusProblem[][] = [];
  /** The connection strings the server asked a password for. */
  readonly passwordRequests: string[] = [];

  private constructor(
    private readonly server: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  /** Starts the server on `workspace` and resolves once its sources are indexed. */
  static async open(workspace: string, options: EditorOptions): Promise<Editor> {
    const { server, connection } = startServer(options.environment);
    const editor = new Editor(server, connection);
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => editor.published.push(params));
    connection.onNotification(LogMessageNotification.type, (params) => editor.logs.push(params.message));
    connection.onNotification(ShowMessageNotification.type, (params) => editor.shown.push(params));
    connection.onNotification(CORPUS_PROBLEMS_NOTIFICATION, ({ problems }) => editor.corpusProblems.push(problems));
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map(() => ({ debounceMs: 20, typingHoldMs: 0, ...options.settings })),
    );
    connection.onRequest(CORPUS_PASSWORD_REQUEST, ({ url }) => {
      editor.passwordRequests.push(url);
      return options.passwords?.[url] ?? null;
    });
    const indexed = new Promise<void>((resolve) =>
      connection.onNotification(STATUS_NOTIFICATION, (status) => {
        if (status.state === 'ready') resolve();
      }),
    );
    connection.listen();
    const root = pathToFileURL(workspace).href;
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: root,
      workspaceFolders: [{ uri: root, name: 'workspace' }],
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { cacheDir: join(workspace, '.cache'), corpusPasswords: options.passwords !== undefined },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    await indexed;
    return editor;
  }

  async openDraft(uri: string, text: string): Promise<Diagnostic[]> {
    const from = this.published.length;
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text },
    });
    return this.diagnostics(uri, 1, from);
  }

  /** Replaces the draft's text, as one edit, and resolves to the diagnostics of the new version. */
  async edit(uri: string, version: number, text: string): Promise<Diagnostic[]> {
    const from = this.published.length;
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return this.diagnostics(uri, version, from);
  }

  /** The first diagnostics published for `uri` at `version` from the `from`-th publication on that `accept`s. */
  async diagnostics(
    uri: string,
    version: number,
    from: number,
    accept: (diagnostics: Diagnostic[]) => boolean = () => true,
  ): Promise<Diagnostic[]> {
    for (;;) {
      const found = this.published
        .slice(from)
        .find((params) => params.uri === uri && params.version === version && accept(params.diagnostics));
      if (found) return found.diagnostics;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  close(): Promise<void> {
    return stopServer(this.server, this.connection);
  }
}

/** A diagnostic as a line: its code, range and message. */
export function summary(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${diagnostic.code} ${start.line}:${start.character}-${end.line}:${end.character} ${diagnostic.message}`;
}
