// The language server as a hostile or broken client meets it, over stdio: requests before `initialize` and
// after `shutdown`, unknown methods, a body that is not JSON, a failing configuration request, a draft that
// grows past the size limit. Each must end in an answer or a logged error within seconds, and the server must
// keep answering (a rejected promise nobody awaited used to end the process).
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ErrorCodes,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ResponseError,
  ShutdownRequest,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';
import { startServer } from './lsp-server.js';

const FIXTURE = new URL('../integration/fixtures/workspace/', import.meta.url);
const DRAFT = readFileSync(new URL('drafts/kabul-airport.md', FIXTURE), 'utf8');
const LIMIT_KB = 4;

/** The error a request was answered with (fails when it was answered with a result). */
async function errorOf(request: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    const result = await request;
    assert.fail(`answered with ${JSON.stringify(result)}`);
  } catch (error) {
    assert.ok(error instanceof ResponseError, String(error));
    return { code: error.code, message: error.message };
  }
}

async function until(what: string, condition: () => boolean, seconds = 30): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!condition()) {
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('language server robustness over stdio', function () {
  this.timeout(90_000);
  let workspace: string;
  let server: ChildProcess;
  let connection: ProtocolConnection;
  let draftUri: string;
  let failConfiguration = false;
  const published: PublishDiagnosticsParams[] = [];
  const logged: string[] = [];
  const hover = () =>
    connection.sendRequest(HoverRequest.type, { textDocument: { uri: draftUri }, position: { line: 8, character: 6 } });
  const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'groundwork-lsp-robust-'));
    cpSync(FIXTURE, workspace, { recursive: true });
    draftUri = pathToFileURL(join(workspace, 'drafts', 'kabul-airport.md')).href;
    ({ server, connection } = startServer());
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => published.push(params));
    connection.onNotification(LogMessageNotification.type, (params) => logged.push(params.message));
    connection.onRequest(ConfigurationRequest.type, (params) => {
      if (failConfiguration) throw new ResponseError(ErrorCodes.InternalError, 'the client cannot read its settings');
      return params.items.map(() => ({ sources: ['seeds'], debounceMs: 50, maxFileSizeKb: LIMIT_KB }));
    });
    connection.listen();
  });

  after(async () => {
    connection.dispose();
    if (server.exitCode === null) server.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('refuses a request before initialize, and an unknown method, with the error codes of the protocol', async () => {
    assert.equal((await errorOf(hover())).code, ErrorCodes.ServerNotInitialized);
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'workspace' }],
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } } },
      initializationOptions: { cacheDir: join(workspace, '.cache') },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    assert.equal(
      (await errorOf(connection.sendRequest('groundwork/noSuchMethod', {}))).code,
      ErrorCodes.MethodNotFound,
    );
  });

  it('skips a message whose body is not JSON and answers the next one', async () => {
    server.stdin!.write(frame('{"jsonrpc": "2.0", "id": 99, "method": '));
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: DRAFT },
    });
    await until('the draft checked', () =>
      published.some((params) => params.uri === draftUri && params.diagnostics.length === 5),
    );
    assert.match(((await hover())!.contents as { value: string }).value, /Wrong number: “250” — the source says “150”/);
  });

  it('logs a failed configuration request with its stack and keeps answering', async () => {
    failConfiguration = true;
    await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await until('the failure logged', () =>
      logged.some((message) => message.startsWith('DidChangeConfiguration failed: ')),
    );
    const message = logged.find((line) => line.startsWith('DidChangeConfiguration failed: '))!;
    assert.match(message, /the client cannot read its settings/);
    assert.match(message, /\n\s+at /); // the stack
    assert.match(((await hover())!.contents as { value: string }).value, /Wrong number/);
    failConfiguration = false;
  });

  it('replaces the findings of a draft grown past the size limit with a notice saying so', async () => {
    const grown = DRAFT + '\nMore words. '.repeat(400);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: draftUri, version: 2 },
      contentChanges: [{ text: grown }],
    });
    await until('the notice', () => published.at(-1)?.uri === draftUri && published.at(-1)!.version === 2);
    assert.deepEqual(
      published.at(-1)!.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.message]),
      [
        [
          'too-large',
          `Not checked: this draft has ${Math.ceil(grown.length / 1024)} KB of text, over the ${LIMIT_KB} KB limit (groundwork.maxFileSizeKb).`,
        ],
      ],
    );
    assert.equal(await hover(), null);
  });

  it('refuses requests after shutdown and exits cleanly on exit', async () => {
    await connection.sendRequest(ShutdownRequest.type);
    assert.equal((await errorOf(hover())).code, ErrorCodes.InvalidRequest);
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
  });
});
