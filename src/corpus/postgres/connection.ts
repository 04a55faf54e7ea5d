// The team corpus's connection string: where it comes from, what it may hold, and the pool made from it. It never
// holds a password: that comes from PGPASSWORD, a PGPASSFILE (~/.pgpass), or a caller's secret store (`password`),
// so that a settings file or a shell history shared by a desk does not leak it. TLS options (sslmode, sslrootcert, ...) pass
// through to node-postgres as written.
import { parse as parseConnectionString, parseIntoClientConfig } from 'pg-connection-string';
import pg from 'pg';

export const CORPUS_ENVIRONMENT_VARIABLE = 'GROUNDWORK_CORPUS';
/** A check waits this long for the server before going on with the local sources. */
const CONNECT_TIMEOUT_MS = 3_000;

export class CorpusUrlError extends Error {}

/** The corpus URL from a flag, else GROUNDWORK_CORPUS; undefined when neither names one. */
export function corpusUrlFrom(
  flag: string | undefined,
  environment: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const url = flag ?? environment[CORPUS_ENVIRONMENT_VARIABLE];
  return url === undefined || url.trim() === '' ? undefined : url.trim();
}

/** Checks a connection string; throws CorpusUrlError with a message a user can act on. */
export function validateCorpusUrl(url: string): void {
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    throw new CorpusUrlError(`the team corpus must be a postgresql:// connection string, not '${url}'`);
  }
  let parsed: ReturnType<typeof parseConnectionString>;
  try {
    parsed = parseConnectionString(url);
  } catch (error) {
    throw new CorpusUrlError(`the team corpus connection string cannot be read: ${(error as Error).message}`);
  }
  if (parsed.password) {
    throw new CorpusUrlError(
      'the team corpus connection string names a password: remove it, and give it in PGPASSWORD or a PGPASSFILE (~/.pgpass)',
    );
  }
  if (!parsed.database) throw new CorpusUrlError(`the team corpus connection string names no database: '${url}'`);
}

/** How a corpus is named to a reader: scheme, host and database, never a user or password. */
export function corpusLabel(url: string): string {
  const parsed = parseConnectionString(url);
  const host = parsed.host ?? 'localhost';
  return `postgresql://${host.startsWith('/') ? `[${host}]` : host}${parsed.port ? `:${parsed.port}` : ''}/${parsed.database ?? ''}`;
}

export interface PoolOptions {
  /** A password from a secret store; otherwise node-postgres reads PGPASSWORD or the PGPASSFILE. */
  password?: string;
  max?: number;
  applicationName?: string;
}

export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  validateCorpusUrl(url);
  const pool = new pg.Pool({
    // Parsed here, not given as `connectionString`: node-postgres would let the string's empty password override
    // `password` (a password from a secret store would never be sent).
    ...parseIntoClientConfig(url),
    password: options.password,
    max: options.max ?? 4,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    application_name: options.applicationName ?? 'groundwork',
  });
  // An idle client whose server went away must not crash the process: the next query reports it.
  pool.on('error', () => {});
  return pool;
}
