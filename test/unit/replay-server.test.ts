// The language server replayed through random typing sessions: every version it publishes diagnostics for must
// get exactly the diagnostics a fresh check of that version gives. The server is the real process over stdio,
// edited with incremental changes as VS Code sends them; the fresh check is a checker with no history.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import {
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';
import { loadLibrary, type SourceLibrary } from '../../src/core/library.js';
import { LineIndex } from '../../src/core/text/lines.js';
import { findingsToDiagnostics } from '../../src/server/diagnostics.js';
import { DraftResults } from '../../src/server/draftResults.js';
import { DEFAULT_SETTINGS } from '../../src/server/settings.js';
import { applyEdit, edit, replayInputs, replayRuns } from './replay.js';
import { startServer, stopServer } from './lsp-server.js';

/** What a writer sees of a diagnostic: where, which rule, how severe, what it says. */
const seen = (diagnostics: Diagnostic[]) =>
  diagnostics.map(
    ({ range, code, severity, message }) =>
      `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ${severity} ${code} ${message}`,
  );

describe('language server replayed through random edits', function () {
  this.timeout(300_000);
  const { sources, drafts } = replayInputs();
  let workspace: string;
  let library: SourceLibrary;
  let server: ChildProcess;
  let connection: ProtocolConnection;
  const published = new Map<string, PublishDiagnosticsParams>();
  let arrived: () => void = () => {};

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'groundwork-replay-server-'));
    cpSync(sources[0], join(workspace, 'sources'), { recursive: true });
    ({ library } = await loadLibrary([join(workspace, 'sources')]));
    ({ server, connection } = startServer());
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      published.set(`${params.uri}@${params.version}`, params);
      arrived();
    });
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map(() => ({ sources: ['sources'], debounceMs: 0, typingHoldMs: 0 })),
    );
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'workspace' }],
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { cacheDir: join(workspace, '.cache') },
    });
    await connection.sendNotification(InitializedNotification.type, {});
  });

  after(async () => {
    await stopServer(server, connection);
    rmSync(workspace, { recursive: true, force: true });
  });

  async function diagnosticsOf(uri: string, version: number): Promise<Diagnostic[]> {
    const deadline = Date.now() + 30_000;
    while (!published.has(`${uri}@${version}`)) {
      assert.ok(Date.now() < deadline, `no diagnostics for version ${version} of ${uri}`);
      await new Promise<void>((resolve) => {
        arrived = resolve;
        setTimeout(resolve, 200);
      });
    }
    return published.get(`${uri}@${version}`)!.diagnostics;
  }

  function freshDiagnostics(text: string): Diagnostic[] {
    const lines = new LineIndex(text);
    // A fresh server's path: a new checker, then the server's own placing of each problem on its words.
    const { findings } = new DraftResults().check(library, 'file:///fresh.md', 'markdown', 1, text);
    return findingsToDiagnostics(findings, {
      rangeOf: (span) => lines.rangeOf(span),
      severity: DEFAULT_SETTINGS.severity,
      ignored: new Set(),
      uriOfPath: (path) => pathToFileURL(path).href,
    });
  }

  it('publishes for every version the diagnostics of a fresh check', async () => {
    let session = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(drafts.length - 1),
        fc.array(edit, { minLength: 1, maxLength: 10 }),
        async (which, edits) => {
          const uri = pathToFileURL(join(workspace, 'drafts', `session-${++session}.md`)).href;
          let text = drafts[which].text;
          let version = 1;
          await connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'markdown', version, text },
          });
          await diagnosticsOf(uri, version);
          for (const step of edits) {
            const lines = new LineIndex(text);
            const change = applyEdit(text, step);
            const range = { start: lines.positionAt(change.start), end: lines.positionAt(change.end) };
            text = change.text;
            await connection.sendNotification(DidChangeTextDocumentNotification.type, {
              textDocument: { uri, version: ++version },
              contentChanges: [{ range, text: change.insert }],
            });
            assert.deepEqual(
              seen(await diagnosticsOf(uri, version)),
              seen(freshDiagnostics(text)),
              `after ${JSON.stringify(step)} in ${drafts[which].name}`,
            );
          }
          await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
        },
      ),
      { numRuns: replayRuns(15), seed: 20261207 },
    );
  });
});
