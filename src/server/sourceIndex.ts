// The workspace's sources as a SourceLibrary: restored from the persisted index, on this thread when the index is
// fresh and in a worker thread when files must be read or analysed (the server keeps answering meanwhile), then
// kept in sync file by file as the watcher reports changes.
import { extname, resolve, sep } from 'node:path';
import { SourceLibrary } from '../core/library.js';
import { globToRegExp, isGlob, splitGlob } from '../core/sources/glob.js';
import { DEFAULT_EXTENSIONS, readSourceFile, type LoadOptions } from '../core/sources/load.js';
import { loadLibraryFreshOrInWorker } from '../core/worker/load-in-worker.js';
import { loadLibraryCached, type LoadProgress } from '../core/cache/load-cached.js';
import { cacheProblems } from '../core/cache/problems.js';
import type { SourceWarning } from '../core/types.js';

export interface IndexProgress {
  indexed: number;
  total: number;
  current?: string;
}

export interface BuildOptions extends LoadOptions {
  /** Where the persisted index lives; undefined: every file is analysed. */
  cacheDir?: string;
  onProgress: (progress: IndexProgress) => void;
  /** The worker thread failed; the index is then built on this thread. */
  onWorkerFailure: (error: Error) => void;
  /** The cache could not be used or saved (the index is complete regardless): for the log. */
  onCacheProblem?: (problem: string) => void;
  signal: AbortSignal;
}

export type SourceChange = 'changed' | 'deleted';

/** Does `path` belong to one of the source inputs (absolute folders, files or globs)? Hidden files and
 *  node_modules below an input are skipped, as the loader skips them. */
export function sourceMatcher(inputs: readonly string[], extensions = DEFAULT_EXTENSIONS): (path: string) => boolean {
  const skipped = (relative: string) =>
    relative.split('/').some((part) => part.startsWith('.') || part === 'node_modules');
  const tests = inputs.map((input): ((path: string) => boolean) => {
    const { base, relative } = isGlob(input) ? splitGlob(input) : { base: input, relative: '**' };
    const root = resolve(base);
    const pattern = globToRegExp(relative);
    return (path) => {
      if (path === root) return true;
      if (!path.startsWith(root + sep)) return false;
      const below = path.slice(root.length + 1).replace(/\\/g, '/');
      return !skipped(below) && pattern.test(below);
    };
  });
  const hasExtension = (path: string) => extensions.includes(extname(path).toLowerCase());
  return (path) => hasExtension(path) && tests.some((test) => test(path));
}

export class SourceIndex {
  library = new SourceLibrary();
  private isSourcePath: (path: string) => boolean = () => false;
  private loadOptions: LoadOptions = {};

  /**
   * Loads every source (unchanged files from the cache) into a fresh library, which replaces the current one
   * when complete. Cancelled: the current library stays as it was.
   */
  async build(
    inputs: string[],
    options: BuildOptions,
  ): Promise<{ warnings: SourceWarning[]; cancelled: boolean; reused: number }> {
    const { onProgress, onWorkerFailure, onCacheProblem, signal, cacheDir, ...loadOptions } = options;
    this.loadOptions = loadOptions;
    this.isSourcePath = sourceMatcher(inputs, loadOptions.extensions);
    onProgress({ indexed: 0, total: 0 });
    const load = {
      ...loadOptions,
      cacheDir,
      onProgress: ({ analysed, total, path }: LoadProgress) => onProgress({ indexed: analysed, total, current: path }),
    };
    try {
      const { library, warnings, stats } = await loadLibraryFreshOrInWorker(inputs, { ...load, signal }).catch(
        (error: Error) => {
          if (error.name === 'AbortError') throw error;
          // A worker that cannot start (a sandbox without threads) must not leave the writer without sources.
          onWorkerFailure(error);
          return loadLibraryCached(inputs, load);
        },
      );
      this.library = library;
      for (const problem of cacheProblems(stats)) onCacheProblem?.(problem);
      return { warnings, cancelled: false, reused: stats.reused };
    } catch (error) {
      if ((error as Error).name === 'AbortError') return { warnings: [], cancelled: true, reused: 0 };
      throw error;
    }
  }

  isSource(path: string): boolean {
    return this.library.get(path) !== undefined || this.isSourcePath(path);
  }

  /** Re-reads one source file after the watcher saw it change; only that file is re-analysed. */
  async refresh(path: string, change: SourceChange): Promise<SourceWarning | undefined> {
    if (change === 'deleted') {
      this.library.remove(path);
      return undefined;
    }
    const result = await readSourceFile(path, this.loadOptions);
    if (result.warning) {
      this.library.remove(path);
      return result.warning;
    }
    if (this.library.get(path)?.hash !== result.file.hash)
      this.library.upsert(result.file.path, result.file.text, result.file.hash);
    return undefined;
  }
}
