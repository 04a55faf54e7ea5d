// A multi-root workspace, driven over stdio as an editor would: each folder's drafts are checked with that folder's
// settings (the editor's settings for the folder, then its .groundwork.json), and a finding ignored in one folder
// stays flagged in the other.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  type Diagnostic,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node.js';
import { CHECK_DOCUMENT_REQUEST, IGNORE_FINDING_COMMAND, type DiagnosticData } from '../../src/shared/protocol.js';
import { startServer, stopServer } from './lsp-server.js';

const FIXTURE = new URL('../integration/fixtures/workspace/', import.meta.url);
const DRAFT = readFileSync(new URL('drafts/kabul-airport.md', FIXTURE), 'utf8');

describe('language server: multi-root workspace', function () {
  this.timeout(60000);
  let root: string;
  let server: ChildProcess;
  let connection: ProtocolConnection;
  const folder = (name: string) => join(root, name);
  const draftUri = (name: string) => pathToFileURL(join(folder(name), 'drafts', 'kabul-airport.md')).href;
  const latest = new Map<string, Diagnostic[]>();
  const publishCount = new Map<string, number>();
  const waitFor = async (done: () => boolean) => {
    while (!done()) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  const summary = (name: string) =>
    (latest.get(draftUri(name)) ?? []).map((diagnostic) => `${diagnostic.code} ${diagnostic.severity}`);

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'groundwork-multi-root-'));
    cpSync(FIXTURE, folder('news'), { recursive: true });
    cpSync(FIXTURE, folder('archive'), { recursive: true });
    // The archive's team turned date findings off; the news folder has no project file.
    writeFileSync(join(folder('archive'), '.groundwork.json'), '{"severity": {"date": "off"}}\n');
    ({ server, connection } = startServer());
    connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics }) => {
      latest.set(uri, diagnostics);
      publishCount.set(uri, (publishCount.get(uri) ?? 0) + 1);
    });
    // The news folder's own editor settings make wrong numbers errors; the archive's say nothing.
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) =>
        item.scopeUri === pathToFileURL(folder('news')).href ? { severity: { number: 'error' } } : {},
      ),
    );
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: ['news', 'archive'].map((name) => ({ uri: pathToFileURL(folder(name)).href, name })),
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { cacheDir: join(root, '.cache') },
    });
    await connection.sendNotification(InitializedNotification.type, {});
  });

  after(async () => {
    await stopServer(server, connection);
    rmSync(root, { recursive: true, force: true });
  });

  it("checks each folder's draft with that folder's settings and project file", async () => {
    for (const name of ['news', 'archive']) {
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: draftUri(name), languageId: 'markdown', version: 1, text: DRAFT },
      });
    }
    await waitFor(() => latest.has(draftUri('news')) && latest.has(draftUri('archive')));
    // Severity 1 is error, 2 warning.
    assert.deepEqual(summary('news'), ['negation 2', 'misquote 2', 'number 1', 'date 2', 'entity 2']);
    assert.deepEqual(summary('archive'), ['negation 2', 'misquote 2', 'number 2', 'entity 2']);
    // The typed request answers with the counts of the same check, whatever the severities.
    const counts = await connection.sendRequest(CHECK_DOCUMENT_REQUEST, { uri: draftUri('archive') });
    assert.deepEqual(counts, { supported: 3, contradicted: 5, unsupported: 0 });
  });

  it('ignores a finding in the folder whose .groundwork.json records it, not in the other', async () => {
    const misquote = latest.get(draftUri('archive'))!.find((diagnostic) => diagnostic.code === 'misquote')!;
    const { fingerprint } = misquote.data as DiagnosticData;
    const before = { news: publishCount.get(draftUri('news'))!, archive: publishCount.get(draftUri('archive'))! };
    await connection.sendRequest(ExecuteCommandRequest.type, {
      command: IGNORE_FINDING_COMMAND,
      arguments: [draftUri('archive'), fingerprint, misquote.message],
    });
    await waitFor(
      () =>
        publishCount.get(draftUri('news'))! > before.news && publishCount.get(draftUri('archive'))! > before.archive,
    );
    assert.deepEqual(summary('archive'), ['negation 2', 'number 2', 'entity 2']);
    assert.deepEqual(summary('news'), ['negation 2', 'misquote 2', 'number 1', 'date 2', 'entity 2']);
    const archiveProject = JSON.parse(readFileSync(join(folder('archive'), '.groundwork.json'), 'utf8'));
    assert.deepEqual(archiveProject, { severity: { date: 'off' }, ignore: [{ fingerprint, note: misquote.message }] });
    assert.throws(() => readFileSync(join(folder('news'), '.groundwork.json')), /ENOENT/);
  });
});
