// Drives the Groundwork language server over stdio with a real JSON-RPC client, as Neovim or Helix would:
// initialize, open a draft with planted errors, receive its diagnostics, then hover, complete, go to definition
// and ask for quick fixes.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  DefinitionRequest,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type Location,
  type MarkupContent,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';
import { startServer, stopServer } from './lsp-server.js';

const FIXTURE = new URL('../integration/fixtures/workspace/', import.meta.url);

describe('language server over stdio', function () {
  this.timeout(60000);
  let workspace: string;
  let server: ChildProcess;
  let connection: ProtocolConnection;
  let draftUri: string;
  let diagnostics: Diagnostic[];
  const published: PublishDiagnosticsParams[] = [];
  // The client answers the server's settings request only once the draft is open, so the draft arrives before
  // the index exists: its first diagnostics must still be the real ones, not a check against no sources.
  let draftSent!: () => void;
  const draftOpened = new Promise<void>((resolve) => (draftSent = resolve));

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'groundwork-lsp-'));
    cpSync(FIXTURE, workspace, { recursive: true });
    draftUri = pathToFileURL(join(workspace, 'drafts', 'kabul-airport.md')).href;
    ({ server, connection } = startServer());
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => published.push(params));
    connection.onRequest(ConfigurationRequest.type, async (params) => {
      await draftOpened;
      // A slow client: long enough for a server that does not wait for its index to check the draft without it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      return params.items.map(() => ({ sources: ['seeds'], debounceMs: 100 }));
    });
    connection.listen();
  });

  after(async () => {
    await stopServer(server, connection);
    rmSync(workspace, { recursive: true, force: true });
  });

  it('initializes with hover, citation completion, definition and quick fixes', async () => {
    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'workspace' }],
      capabilities: { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown'] } } },
      initializationOptions: { cacheDir: join(workspace, '.cache') },
    });
    assert.equal(result.capabilities.hoverProvider, true);
    assert.deepEqual(result.capabilities.completionProvider?.triggerCharacters, ['@']);
    assert.equal(result.capabilities.definitionProvider, true);
    await connection.sendNotification(InitializedNotification.type, {});
  });

  it('publishes one diagnostic per planted error, on the wrong words, even for a draft opened before indexing', async () => {
    const text = readFileSync(new URL('drafts/kabul-airport.md', FIXTURE), 'utf8');
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text },
    });
    draftSent();
    while (!published.some((params) => params.uri === draftUri && params.diagnostics.length > 0)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    diagnostics = published.find((params) => params.uri === draftUri)!.diagnostics;
    const summary = diagnostics.map((diagnostic) => {
      const { start, end } = diagnostic.range;
      return `${diagnostic.code} ${start.line}:${start.character}-${end.line}:${end.character} ${diagnostic.message}`;
    });
    assert.deepEqual(summary, [
      'negation 4:67-4:74 Flipped negation: “confirm” — the source says “he could not confirm the requests”',
      'misquote 6:68-6:75 Misquote: “to make” — the source says “to take”',
      'number 8:5-8:8 Wrong number: “250” — the source says “150”',
      'date 10:37-10:43 Wrong date: “Friday” — the source says “Monday”',
      'entity 12:61-12:67 Wrong name: “Geneva” — the source says “Brussels”',
    ]);
    assert.ok(diagnostics.every((diagnostic) => diagnostic.source === 'Groundwork'));
    const related = diagnostics[2].relatedInformation![0];
    assert.equal(related.location.uri, pathToFileURL(join(workspace, 'seeds', '000_f04d67d5c7de7c34.txt')).href);
    assert.equal(related.location.range.start.line, 28);
  });

  it('hovers a wrong number with the source passage, its changed word marked, and a link to it', async () => {
    const hover = await connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: draftUri },
      position: { line: 8, character: 6 },
    });
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /^\*\*Groundwork · ✗ Contradicted\*\* claim/);
    assert.match(value, /- Wrong number: “250” — the source says “150”/);
    assert.match(value, /\n> .*Some \*\*150\*\* members of the Afghan security forces were killed or wounded/);
    const seedUri = pathToFileURL(join(workspace, 'seeds', '000_f04d67d5c7de7c34.txt')).href;
    assert.ok(value.includes(`[Open source](${seedUri}#L29,`), value);
  });

  it('completes citation keys after [@ and goes to the cited source', async () => {
    const line = 2;
    const character =
      readFileSync(new URL('drafts/kabul-airport.md', FIXTURE), 'utf8').split('\n')[line].indexOf('[@') + 2;
    const completion = await connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: draftUri },
      position: { line, character },
    });
    const items = (Array.isArray(completion) ? completion : completion!.items) as CompletionItem[];
    assert.deepEqual(
      items.map((item) => item.label),
      ['000_f04d67d5c7de7c34'],
    );
    const definition = (await connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: draftUri },
      position: { line, character: character + 3 },
    })) as Location;
    assert.equal(definition.uri, pathToFileURL(join(workspace, 'seeds', '000_f04d67d5c7de7c34.txt')).href);
  });

  it("offers the source's number as the preferred quick fix", async () => {
    const number = diagnostics[2];
    const actions = (await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: draftUri },
      range: number.range,
      context: { diagnostics: [number] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((action) => action.title),
      [
        "Replace with the source's number: “150”",
        'Ignore this finding (saved in .groundwork.json)',
        'Disable Groundwork for this line',
      ],
    );
    assert.deepEqual(actions[0].edit!.changes![draftUri], [{ range: number.range, newText: '150' }]);
  });
});
