// A second connection on a check's snapshot, so that a large batch of searches is scored on two of the server's
// cores at once: the check's transaction exports its snapshot and the second connection's transaction imports it,
// so both read the same committed state (PostgreSQL 10 and later, on a primary or a hot standby). It is opened only
// when the pool has a connection to spare: a check never waits on another check's connections for it.
import type pg from 'pg';

/** What `pg_export_snapshot()` returns (hexadecimal fields and dashes): checked before it is written into SQL. */
const SNAPSHOT_ID = /^[0-9A-F]+(-[0-9A-F]+)+$/i;

export class SecondConnection {
  private opened: Promise<pg.PoolClient | undefined> | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly first: pg.ClientBase,
  ) {}

  /** The second connection inside the same snapshot, or undefined when the pool has none to spare. */
  get(): Promise<pg.PoolClient | undefined> {
    this.opened ??= this.open();
    return this.opened;
  }

  /** Ends the second connection's transaction (a read-only one: nothing to commit) and returns it to the pool. */
  async release(): Promise<void> {
    const client = await this.opened?.catch(() => undefined);
    if (!client) return;
    try {
      await client.query('COMMIT');
      client.release();
    } catch {
      client.release(true);
    }
  }

  private async open(): Promise<pg.PoolClient | undefined> {
    const { pool } = this;
    const spare = pool.waitingCount === 0 && (pool.idleCount > 0 || pool.totalCount < (pool.options.max ?? 10));
    if (!spare) return undefined;
    // Refused (the server's connection limit): the check goes on with one connection.
    const client = await pool.connect().catch(() => undefined);
    if (!client) return undefined;
    try {
      const { rows } = await this.first.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
      const id = rows[0].id;
      if (!SNAPSHOT_ID.test(id)) throw new Error(`unexpected snapshot id ${JSON.stringify(id)}`);
      // SET TRANSACTION SNAPSHOT takes no parameters; the id is the server's own, checked above.
      await client.query(
        `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT '${id}'; SET LOCAL jit = off`,
      );
      return client;
    } catch (error) {
      client.release(true);
      throw error;
    }
  }
}
