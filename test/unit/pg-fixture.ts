// A fresh database per suite on the real PostgreSQL server that GROUNDWORK_TEST_PG names (.ci/run starts a
// throwaway cluster and sets it; locally: `scripts/pg-throwaway.sh start /tmp/gw-pg` prints one). Without it the
// suites are pending, except in CI, where they must run.
import { parse } from 'pg-connection-string';
import pg from 'pg';

export interface TestDatabase {
  /** The fresh database's connection string (valid inside the suite's tests). */
  url: string;
}

let created = 0;

export function useTestDatabase(suite: Mocha.Suite, name: string): TestDatabase {
  const database: TestDatabase = { url: '' };
  const base = process.env.GROUNDWORK_TEST_PG;
  const databaseName = `gw_${name}_${process.pid}_${++created}`;
  suite.beforeAll(async function () {
    if (!base) {
      if (process.env.CI)
        throw new Error('GROUNDWORK_TEST_PG is not set: .ci/run starts a PostgreSQL cluster for these tests');
      console.log(`      pending: GROUNDWORK_TEST_PG is not set (scripts/pg-throwaway.sh start DIR prints one)`);
      this.skip();
    }
    await administer(base, `CREATE DATABASE ${databaseName}`);
    database.url = withDatabase(base, databaseName);
  });
  suite.afterAll(async () => {
    if (base) await administer(base, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  });
  return database;
}

/** The connection string with another database in it. */
export function withDatabase(url: string, name: string): string {
  const current = parse(url).database;
  if (!current) throw new Error(`GROUNDWORK_TEST_PG names no database: ${url}`);
  const at = url.indexOf(`/${current}`, url.indexOf('//') + 2);
  return url.slice(0, at) + `/${name}` + url.slice(at + current.length + 1);
}

/** Runs one statement on the server's own database (the names are the fixture's, never input). */
async function administer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
