// Where the benchmark finds its inputs (the shared benchmark data) and keeps what it generates.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (a function: the bundled measuring scripts have no import.meta.url, and never need it). */
export function repoRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
}

/** The shared folder sits beside the repository (`../shared`); GROUNDWORK_SHARED overrides it. */
export function findSharedDir(): string | undefined {
  const candidates = [process.env.GROUNDWORK_SHARED, path.join(repoRoot(), '..', 'shared')];
  return candidates.find((dir): dir is string => !!dir && fs.existsSync(path.join(dir, 'benchmarks')));
}

/** Generated corpora, drafts and caches are reused between runs; GROUNDWORK_BENCH_DIR overrides the place. */
export function benchWorkDir(): string {
  const dir = process.env.GROUNDWORK_BENCH_DIR ?? path.join(os.tmpdir(), 'groundwork-bench');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
