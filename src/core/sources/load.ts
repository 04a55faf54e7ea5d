// Reads source documents from files, folders and globs. Bad input never stops the load: each file that cannot
// be used (missing, unreadable, binary, too large, not UTF-8) and each input that yields nothing is reported as
// a warning naming it, and the rest is read. Results are sorted by path so that every run indexes the same way.
//
// Listing and reading are separate steps: the listing stats every file (size, modification time) without
// reading it, so that a caller holding an index of the same files (the cache) reads only those that changed.
import { createHash } from 'node:crypto';
import { statSync, type Dirent, type Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { SourceWarning } from '../types.js';
import { isInside, outsideMessage, realRoots, type Confinement } from './confine.js';
import { globDepth, globToRegExp, isGlob, splitGlob } from './glob.js';
import { describeFileError as describeError, notRegular, readRegularFile, tooLarge } from './read-regular.js';

export interface LoadOptions {
  /** Files larger than this are skipped with a warning. Default 2,000,000 bytes. */
  maxFileBytes?: number;
  /** Extensions read from folders and globs (an explicitly named file is read whatever its name). */
  extensions?: string[];
  /** Where sources may be, once links are resolved; anything elsewhere is skipped with a warning. Default: anywhere. */
  confine?: Confinement;
  /** Files never read as sources, however the inputs name them (the drafts being checked: never their own evidence). */
  exclude?: readonly string[];
}

export interface SourceFile {
  /** Absolute path. */
  path: string;
  text: string;
  /** sha256 of the file's bytes, hex. */
  hash: string;
}

/** A file's size and modification time: while both stay the same, its bytes are taken to be the same (as git does). */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** A source file found by listing, stamped when it was listed, not yet read. */
export interface ListedFile extends FileStamp {
  /** Absolute path. */
  path: string;
}

export type SourceReadResult = { file: SourceFile; warning?: undefined } | { file?: undefined; warning: SourceWarning };

type ListResult = { file: ListedFile; warning?: undefined } | { file?: undefined; warning: SourceWarning };

export const DEFAULT_MAX_FILE_BYTES = 2_000_000;
export const DEFAULT_EXTENSIONS = ['.txt', '.md', '.markdown'];

// Enough parallel reads to hide disk latency, few enough to stay clear of the open-file limit.
const PARALLEL_READS = 32;

/** Lists, reads and hashes every source file the inputs name. */
export async function readSourceFiles(
  inputs: string[],
  options: LoadOptions = {},
): Promise<{ files: SourceFile[]; warnings: SourceWarning[] }> {
  const listing = await listSourceFiles(inputs, options);
  const read = await readListedFiles(listing.files, options);
  return { files: read.files, warnings: [...listing.warnings, ...read.warnings] };
}

/**
 * The source files the inputs name, sorted by path, each with its size and modification time, none of them read.
 * Warnings: inputs that are missing or yield nothing (in input order), then files that are too large or cannot be
 * stat'ed (in path order).
 */
export async function listSourceFiles(
  inputs: string[],
  options: LoadOptions = {},
): Promise<{ files: ListedFile[]; warnings: SourceWarning[] }> {
  const warnings: SourceWarning[] = [];
  const paths = new Set<string>();
  const confine = options.confine && { ...options.confine, roots: await realRoots(options.confine.roots) };
  for (const input of inputs) {
    for (const path of await expandInput(input, { ...options, confine }, warnings)) paths.add(path);
  }
  // By file identity, from the stat each file gets anyway: a link or a hard link to a draft is the draft.
  const excluded = new Set((options.exclude ?? []).flatMap((path) => fileIdentity(statOrError(resolve(path))) ?? []));
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const files: ListedFile[] = [];
  // Synchronous on purpose: one stat is a few microseconds of work, and at 10,000 files a promise round trip per
  // stat cost twice the stats themselves (120-170 ms against 270-700 ms). The language server's own thread lists
  // too, to find out whether its cache is fresh (loadLibraryFreshOrInWorker).
  for (const path of [...paths].sort(comparePaths)) {
    const stats = statOrError(path);
    const identity = fileIdentity(stats);
    if (identity !== undefined && excluded.has(identity)) {
      warnings.push({ path, message: 'is a draft being checked: never its own source' });
      continue;
    }
    const listed = listFile(path, stats, maxFileBytes);
    if (listed.file) files.push(listed.file);
    else warnings.push(listed.warning);
  }
  return { files, warnings };
}

/** Reads and hashes listed files, in parallel; each that cannot be used becomes a warning (in path order). */
export async function readListedFiles(
  listed: ListedFile[],
  options: LoadOptions = {},
): Promise<{ files: SourceFile[]; warnings: SourceWarning[] }> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const results = await mapInParallel(listed, PARALLEL_READS, (file) => readContent(file.path, maxFileBytes));
  const files: SourceFile[] = [];
  const warnings: SourceWarning[] = [];
  for (const result of results) {
    if (result.file) files.push(result.file);
    else warnings.push(result.warning);
  }
  return { files, warnings };
}

/** Reads one file (the file watcher's path): a SourceFile, or a warning saying why it cannot be used. */
export async function readSourceFile(path: string, options: LoadOptions = {}): Promise<SourceReadResult> {
  const absolute = resolve(path);
  if (options.confine) {
    const real = await realpath(absolute).catch(() => absolute);
    const roots = await realRoots(options.confine.roots);
    if (!isInside(real, roots)) return { warning: { path: absolute, message: outsideMessage(real, options.confine) } };
  }
  const stats = await stat(absolute).catch((error: unknown) => error as Error);
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const listed = listFile(absolute, stats, maxFileBytes);
  return listed.file ? readContent(absolute, maxFileBytes) : listed;
}

/** A file's stamp, or a warning when it is not a file, is too large, or cannot be stat'ed. */
function listFile(path: string, stats: Stats | Error, maxFileBytes: number): ListResult {
  const skip = (message: string): ListResult => ({ warning: { path, message } });
  if (stats instanceof Error) return skip(describeError(stats));
  if (!stats.isFile()) return skip(notRegular(stats));
  if (stats.size > maxFileBytes) return skip(tooLarge(maxFileBytes, stats.size));
  return { file: { path, size: stats.size, mtimeMs: stats.mtimeMs } };
}

/**
 * The file's text and hash, or a warning when it is no longer a regular file, unreadable, larger than the limit
 * (whatever it was when listed), binary or not UTF-8.
 */
async function readContent(path: string, maxFileBytes: number): Promise<SourceReadResult> {
  const read = await readRegularFile(path, maxFileBytes);
  return read.bytes ? sourceFromBytes(path, read.bytes) : { warning: { path, message: read.problem } };
}

/** A source file's bytes as its text and hash, or a warning when they are binary or not UTF-8. */
export function sourceFromBytes(path: string, bytes: Buffer): SourceReadResult {
  const skip = (message: string): SourceReadResult => ({ warning: { path, message } });
  const encoding = utf16Encoding(bytes);
  if (encoding === undefined && bytes.includes(0)) return skip('binary file (contains NUL bytes)');
  let text: string;
  try {
    // The decoder drops the byte-order mark.
    text = new TextDecoder(encoding ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    return skip(encoding ? `not valid ${encoding.toUpperCase()} text` : 'not valid UTF-8 text');
  }
  return { file: { path, text, hash: createHash('sha256').update(bytes).digest('hex') } };
}

/** UTF-16 text says so by its byte-order mark (Windows' "Unicode" files); without one, NUL bytes mean binary. */
function utf16Encoding(bytes: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Which file a stat describes, whatever path reached it; undefined when the stat failed. */
function fileIdentity(stats: Stats | Error): string | undefined {
  return stats instanceof Error ? undefined : `${stats.dev}:${stats.ino}`;
}

function statOrError(path: string): Stats | Error {
  try {
    return statSync(path);
  } catch (error) {
    return error as Error;
  }
}

async function expandInput(input: string, options: LoadOptions, warnings: SourceWarning[]): Promise<string[]> {
  const absolute = resolve(input);
  const stats = await stat(absolute).catch((error: unknown) => error as NodeJS.ErrnoException);
  if (stats instanceof Error) {
    if (stats.code === 'ENOENT' && isGlob(input)) return expandGlob(input, options, warnings);
    warnings.push({ path: absolute, message: describeError(stats) });
    return [];
  }
  const real = await realpath(absolute);
  if (options.confine && !isInside(real, options.confine.roots)) {
    warnings.push({ path: absolute, message: outsideMessage(real, options.confine) });
    return [];
  }
  if (!stats.isDirectory()) return [absolute];

  const walked = await walk(absolute, real, Infinity, options.confine);
  const wanted = (path: string) => hasSourceExtension(path, options);
  const message = `folder has no source files (${extensionList(options)})`;
  return reportEmpty(walked, wanted, absolute, message, warnings);
}

async function expandGlob(pattern: string, options: LoadOptions, warnings: SourceWarning[]): Promise<string[]> {
  const { base, relative } = splitGlob(pattern);
  const root = resolve(base);
  const real = await realpath(root).catch(() => root);
  if (options.confine && !isInside(real, options.confine.roots)) {
    warnings.push({ path: resolve(pattern), message: outsideMessage(real, options.confine) });
    return [];
  }
  const matcher = globToRegExp(relative);
  const walked = await walk(root, real, globDepth(relative), options.confine);
  const wanted = (path: string) =>
    matcher.test(path.slice(root.length + 1).replace(/\\/g, '/')) && hasSourceExtension(path, options);
  const message = `pattern matches no source files (${extensionList(options)})`;
  return reportEmpty(walked, wanted, resolve(pattern), message, warnings);
}

/**
 * The walked files the input wants, with the walk's warnings and those about the entries it wants that are not
 * usable files; an input that yields no file gets a warning of its own, unless the walk already said why.
 */
function reportEmpty(
  walked: Walked,
  wanted: (path: string) => boolean,
  path: string,
  message: string,
  warnings: SourceWarning[],
): string[] {
  const files = walked.files.filter(wanted);
  const found = [...walked.warnings, ...walked.unusable.filter((warning) => wanted(warning.path))];
  warnings.push(...found);
  if (files.length === 0 && found.length === 0) warnings.push({ path, message });
  return files;
}

interface Walked {
  files: string[];
  /** Folders that could not be read, and links out of the confinement. */
  warnings: SourceWarning[];
  /** Entries that are not regular files (FIFOs, sockets, devices, dangling or looping links): reported if wanted. */
  unusable: SourceWarning[];
}

/**
 * Files below `root` (absolute paths; `realRoot` is where it really is), skipping hidden entries and node_modules,
 * down to `maxDepth` levels. Symbolic links are followed (within `confine`, when given), each real folder visited
 * once. Linear in the number of folders: a folder's real path is its parent's plus its name unless it is a link
 * (resolving every folder's real path anew made 1,500 nested folders take half a minute).
 */
async function walk(
  root: string,
  realRoot: string,
  maxDepth: number,
  confine: Confinement | undefined,
): Promise<Walked> {
  const walked: Walked = { files: [], warnings: [], unusable: [] };
  const visited = new Set<string>();
  // Iterative, not recursive: a deep tree must not exhaust the stack.
  const pending: { folder: string; real: string; depth: number }[] = [{ folder: root, real: realRoot, depth: 1 }];
  while (pending.length > 0) {
    const { folder, real, depth } = pending.pop()!;
    let entries: Dirent[];
    try {
      const { dev, ino } = await stat(folder);
      if (visited.has(`${dev}:${ino}`)) continue;
      visited.add(`${dev}:${ino}`);
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      walked.warnings.push({ path: folder, message: describeError(error) });
      continue;
    }
    const subfolders: typeof pending = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      let kind: Dirent | Stats = entry;
      let realPath = join(real, entry.name);
      if (entry.isSymbolicLink()) {
        const target = await linkTarget(path);
        if (target instanceof Error) {
          walked.unusable.push({ path, message: `a symbolic link to nothing usable (${describeError(target)})` });
          continue;
        }
        if (confine && !isInside(target.real, confine.roots)) {
          walked.warnings.push({ path, message: outsideMessage(target.real, confine) });
          continue;
        }
        kind = target.stats;
        realPath = target.real;
      }
      if (kind.isDirectory()) {
        if (depth < maxDepth) subfolders.push({ folder: path, real: realPath, depth: depth + 1 });
      } else if (kind.isFile()) {
        walked.files.push(path);
      } else {
        walked.unusable.push({ path, message: notRegular(kind) });
      }
    }
    // Reversed onto the stack: folders are walked in the order they were listed (the result is sorted anyway).
    pending.push(...subfolders.reverse());
  }
  return walked;
}

/** Where a symbolic link leads and what is there; an error for a dangling or looping link. */
async function linkTarget(path: string): Promise<{ real: string; stats: Stats } | Error> {
  try {
    const real = await realpath(path);
    return { real, stats: await stat(real) };
  } catch (error) {
    return error as Error;
  }
}

function hasSourceExtension(path: string, options: LoadOptions): boolean {
  const extensions = options.extensions ?? DEFAULT_EXTENSIONS;
  return extensions.some((extension) => extension.toLowerCase() === extname(path).toLowerCase());
}

function extensionList(options: LoadOptions): string {
  return (options.extensions ?? DEFAULT_EXTENSIONS).join(', ');
}

// Code-unit order, not locale order: the same on every machine.
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function mapInParallel<T, R>(items: T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
