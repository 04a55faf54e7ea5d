// Fuzzes the language server's message layer over stdio: well-framed messages whose bodies are random JSON,
// not JSON, not objects, unknown methods, known methods with parameters of the wrong shape, requests before
// initialize. Every request must be answered (a result or an error) within a time bound, the server must not
// exit, and afterwards it must still check a draft and hover it correctly.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { StreamMessageReader, type Message } from 'vscode-languageserver-protocol/node.js';

const FIXTURE = new URL('../integration/fixtures/workspace/', import.meta.url);
const SERVER = new URL('../../src/server/main.ts', import.meta.url);
const DRAFT = readFileSync(new URL('drafts/kabul-airport.md', FIXTURE), 'utf8');
const SERVER_NOT_INITIALIZED = -32002;

const METHODS = [
  'textDocument/hover',
  'textDocument/completion',
  'textDocument/definition',
  'textDocument/codeAction',
  'workspace/executeCommand',
  'groundwork/checkDocument',
  'groundwork/findings',
  'groundwork/findingAt',
  'groundwork/checkWorkspace',
  'textDocument/didOpen',
  'textDocument/didChange',
  'textDocument/didClose',
  'textDocument/didSave',
  'workspace/didChangeWatchedFiles',
  'groundwork/setLiveChecking',
  '$/cancelRequest',
  'no/such/method',
  '',
];

interface Answer {
  id: number;
  result?: unknown;
  error?: { code: number; message: string };
}

describe('language server message layer fuzz', function () {
  this.timeout(180_000);
  let workspace: string;
  let server: ChildProcess;
  let nextId = 1;
  const answers = new Map<number, Answer>();
  const send = (body: string) => server.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  const request = (method: string, params: unknown) => {
    const id = nextId++;
    send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    return id;
  };
  const notify = (method: string, params: unknown) => send(JSON.stringify({ jsonrpc: '2.0', method, params }));
  async function answered(ids: number[], seconds: number): Promise<void> {
    const deadline = Date.now() + seconds * 1000;
    while (ids.some((id) => !answers.has(id))) {
      assert.equal(server.exitCode, null, 'the server exited');
      assert.ok(
        Date.now() < deadline,
        `unanswered after ${seconds} s: ${ids.filter((id) => !answers.has(id)).join(', ')}`,
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'groundwork-lsp-fuzz-'));
    cpSync(FIXTURE, workspace, { recursive: true });
    server = spawn(process.execPath, ['--import', 'tsx', SERVER.pathname, '--stdio'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    new StreamMessageReader(server.stdout!).listen((message: Message) => {
      const answer = message as unknown as Answer & { method?: string };
      if (answer.method === undefined && typeof answer.id === 'number') answers.set(answer.id, answer);
    });
  });

  after(() => {
    if (server.exitCode === null) server.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('refuses every request before initialize with ServerNotInitialized', async () => {
    const ids = ['textDocument/hover', 'groundwork/findings', 'groundwork/checkWorkspace'].map((method) =>
      request(method, {}),
    );
    await answered(ids, 60);
    assert.deepEqual(
      ids.map((id) => answers.get(id)!.error?.code),
      ids.map(() => SERVER_NOT_INITIALIZED),
    );
  });

  it('answers every random message and keeps checking drafts afterwards', async () => {
    const root = pathToFileURL(workspace).href;
    const draftUri = pathToFileURL(join(workspace, 'drafts', 'kabul-airport.md')).href;
    await answered([request('initialize', { processId: process.pid, rootUri: root, capabilities: {} })], 60);
    notify('initialized', {});

    const uri = fc.oneof(fc.constant(draftUri), fc.constant('file:///nowhere.md'), fc.string(), fc.jsonValue());
    const position = fc.oneof(fc.record({ line: fc.integer(), character: fc.integer() }), fc.jsonValue());
    const params = fc.oneof(
      fc.jsonValue(),
      fc.record({
        textDocument: fc.record({
          uri,
          version: fc.integer(),
          text: fc.string(),
          languageId: fc.constantFrom('markdown', 'plaintext', 'x'),
        }),
        position,
      }),
      fc.record({ uri, position, command: fc.string(), arguments: fc.array(fc.jsonValue(), { maxLength: 4 }) }),
      fc.record({
        command: fc.constant('groundwork.ignoreFinding'),
        arguments: fc.array(fc.jsonValue(), { maxLength: 4 }),
      }),
      fc.record({ contentChanges: fc.jsonValue(), changes: fc.jsonValue(), uris: fc.jsonValue() }),
    );
    const message = fc.record({
      method: fc.oneof(fc.constantFrom(...METHODS), fc.string()),
      params,
      isRequest: fc.boolean(),
      raw: fc.oneof(
        { weight: 9, arbitrary: fc.constant(undefined) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('{"jsonrpc": "2.0", "id":', 'null', '[1, 2]', '"text"', '{}', '{"id": 5}'),
        },
      ),
    });
    const ids: number[] = [];
    for (const { method, params: body, isRequest, raw } of fc.sample(message, { numRuns: 300, seed: 10_4_6 })) {
      if (raw !== undefined) send(raw);
      else if (isRequest) ids.push(request(method, body));
      else notify(method, body);
    }
    await answered(ids, 120);
    for (const id of ids) {
      const answer = answers.get(id)!;
      assert.ok('result' in answer || typeof answer.error?.code === 'number', JSON.stringify(answer));
    }

    // Still a working server: the fixture draft opened now gets its real findings.
    notify('textDocument/didOpen', {
      textDocument: { uri: draftUri, languageId: 'markdown', version: 1_000, text: DRAFT },
    });
    let value = '';
    for (let attempt = 0; attempt < 300 && !value.includes('Wrong number'); attempt++) {
      const id = request('textDocument/hover', {
        textDocument: { uri: draftUri },
        position: { line: 8, character: 6 },
      });
      await answered([id], 60);
      value = (answers.get(id)!.result as { contents?: { value?: string } } | null)?.contents?.value ?? '';
      if (!value.includes('Wrong number')) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.match(value, /Wrong number: “250” — the source says “150”/);

    await answered([request('shutdown', null)], 30);
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    notify('exit', null);
    assert.equal(await exited, 0);
  });
});
