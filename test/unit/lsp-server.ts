// The language server as an editor runs it, for the tests that drive it over stdio: its own process (straight from
// the sources, through tsx), and a JSON-RPC connection to it that the test registers its handlers on, then listens.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  createProtocolConnection,
  ExitNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node.js';

const SERVER = new URL('../../src/server/main.ts', import.meta.url);

/** `environment`: the server's environment (this process's by default), as an editor would pass its own. */
export function startServer(environment: NodeJS.ProcessEnv = process.env): {
  server: ChildProcess;
  connection: ProtocolConnection;
} {
  const server = spawn(process.execPath, ['--import', 'tsx', SERVER.pathname, '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: environment,
  });
  const connection = createProtocolConnection(
    new StreamMessageReader(server.stdout!),
    new StreamMessageWriter(server.stdin!),
  );
  return { server, connection };
}

/** Shuts the server down as an editor does (shutdown, then exit) and waits for its process to end. */
export async function stopServer(server: ChildProcess, connection: ProtocolConnection): Promise<void> {
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  connection.dispose();
  await new Promise((resolve) => (server.exitCode === null ? server.once('exit', resolve) : resolve(undefined)));
}
