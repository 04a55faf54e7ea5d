// A PostgreSQL cluster of a suite's own (scripts/pg-throwaway.sh), for tests that stop and start the server or change
// how it authenticates: the shared one (GROUNDWORK_TEST_PG) stays up for the other suites. Like pg-fixture.ts, it is
// made only where GROUNDWORK_TEST_PG says PostgreSQL is there, and the suite is pending without it (but in CI).
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = new URL('../../scripts/pg-throwaway.sh', import.meta.url).pathname;

export class OwnCluster {
  private constructor(
    private readonly folder: string,
    /** The connection string of its `groundwork` database, as its owner. */
    readonly url: string,
  ) {}

  /** A new cluster, started; undefined (the suite is skipped) where there is no PostgreSQL to test with. */
  static start(context: Mocha.Context): OwnCluster {
    if (!process.env.GROUNDWORK_TEST_PG) {
      if (process.env.CI) throw new Error('GROUNDWORK_TEST_PG is not set: .ci/run starts PostgreSQL for these tests');
      console.log('      pending: GROUNDWORK_TEST_PG is not set (scripts/pg-throwaway.sh start DIR prints one)');
      context.skip();
    }
    const folder = mkdtempSync(join(tmpdir(), 'groundwork-own-pg-'));
    chmodSync(folder, 0o755); // under root the cluster runs as `postgres`, which must reach it
    const url = execFileSync(SCRIPT, ['start', join(folder, 'cluster')], { encoding: 'utf8' }).trim();
    return new OwnCluster(folder, url);
  }

  /** Its `pg_hba.conf`, which says who may connect how. */
  get hbaFile(): string {
    return join(this.folder, 'cluster', 'data', 'pg_hba.conf');
  }

  /** The socket folder the connection string names. */
  get socketFolder(): string {
    return join(this.folder, 'cluster', 'socket');
  }

  stop(): void {
    execFileSync(SCRIPT, ['stop', join(this.folder, 'cluster')]);
  }

  /** Starts it again after `stop`, with its data. */
  restart(): void {
    execFileSync(SCRIPT, ['start', join(this.folder, 'cluster')]);
  }

  /** Stops it (when running) and removes its folder. */
  remove(): void {
    try {
      execFileSync(SCRIPT, ['stop', join(this.folder, 'cluster')], { stdio: 'ignore' });
    } catch {
      // already stopped
    }
    rmSync(this.folder, { recursive: true, force: true });
  }
}
