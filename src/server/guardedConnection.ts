// The connection the server registers its handlers on, with rules applied to every handler in one place:
// - before `initialize`, requests are refused with ServerNotInitialized (the server has no settings yet);
// - after `shutdown`, requests are refused with InvalidRequest and notifications dropped (the LSP says so; a
//   server that still checks after shutdown races the editor tearing it down);
// - a handler that throws or rejects is logged with its document and stack, and the server keeps answering:
//   a rejected promise nobody awaits ends the Node process, and with it every open draft's checks.
// A Proxy rather than edits at each registration, so that a handler added later is covered too.
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node.js';

// Registrations whose handlers answer nothing; every other `on…` registers a request handler.
const NOTIFICATIONS = new Set([
  'onNotification',
  'onInitialized',
  'onDidChangeConfiguration',
  'onDidChangeWatchedFiles',
  'onDidOpenTextDocument',
  'onDidChangeTextDocument',
  'onDidCloseTextDocument',
  'onWillSaveTextDocument',
  'onDidSaveTextDocument',
  'onExit',
  'onProgress',
]);
// Registrations that must work after shutdown (`exit` ends the process) or whose handler is the shutdown itself.
const ALWAYS_SERVED = new Set(['onExit', 'onShutdown']);
// Registrations served before `initialize` has been answered.
const SERVED_UNINITIALIZED = new Set(['onInitialize', 'onExit']);

type Handler = (...args: unknown[]) => unknown;

/** What a failure is about: the document in the handler's parameters, when there is one. */
function subjectOf(args: readonly unknown[]): string {
  const params = args.find((arg) => typeof arg === 'object' && arg !== null) as
    { textDocument?: { uri?: unknown }; uri?: unknown } | undefined;
  const uri = params?.textDocument?.uri ?? params?.uri;
  return typeof uri === 'string' ? ` for ${uri}` : '';
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function guardConnection(connection: Connection): Connection {
  let initialized = false;
  let shutDown = false;
  const log = (what: string, args: readonly unknown[], error: unknown) =>
    connection.console.error(`${what}${subjectOf(args)} failed: ${describeError(error)}`);

  const guard = (registration: string, method: string | undefined, handler: Handler): Handler => {
    const what = method ?? registration.replace(/^on/, '');
    const isRequest = !NOTIFICATIONS.has(registration);
    return (...args: unknown[]) => {
      if (registration === 'onShutdown') shutDown = true;
      if (!initialized && isRequest && !SERVED_UNINITIALIZED.has(registration)) {
        throw new ResponseError(ErrorCodes.ServerNotInitialized, `${what}: the server is not initialized`);
      }
      if (registration === 'onInitialize') initialized = true;
      if (shutDown && !ALWAYS_SERVED.has(registration)) {
        if (isRequest) throw new ResponseError(ErrorCodes.InvalidRequest, `${what}: the server is shut down`);
        return undefined;
      }
      const failed = (error: unknown) => {
        log(what, args, error);
        // A request still answers, with an error the client can show; a notification has no one to tell.
        if (isRequest)
          throw new ResponseError(
            ErrorCodes.InternalError,
            `${what} failed: ${error instanceof Error ? error.message : String(error)}`,
          );
        return undefined;
      };
      try {
        const result = handler(...args);
        return result instanceof Promise ? result.catch(failed) : result;
      } catch (error) {
        return failed(error);
      }
    };
  };

  return new Proxy(connection, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== 'string' || !/^on[A-Z]/.test(property) || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const last = args.length - 1;
        if (typeof args[last] === 'function') {
          const method = typeof args[0] === 'string' ? args[0] : (args[0] as { method?: string } | undefined)?.method;
          args[last] = guard(property, method, args[last] as Handler);
        }
        return (value as Handler).apply(target, args);
      };
    },
  });
}
