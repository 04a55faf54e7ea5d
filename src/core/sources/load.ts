// Reads source documents from files, folders and globs. Bad input never stops the load: each file that cannot
// be used (missing, unreadable, binary, too large, not UTF-8) and each input that yields nothing is reported as
// a warning naming it, and the rest is read. Results are sorted by path so that every run indexes the same way.
//
// Listing and reading are separate steps: the listing stats every file (size, modification time) without
// reading it, so that a caller holding an index of the same files (the cache) reads only those that changed.
import { createHash } from 'node:crypto';
import { statSync, type Dirent, type Stats } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { SourceWarning } from '../types.js';
import { globDepth, globToRegExp, isGlob, splitGlob } from './glob.js';

export interface LoadOptions {
  /** Files larger than this are skipped with a warning. Default 2,000,000 bytes. */
  maxFileBytes?: number;
  /** Extensions read from folders and globs (an explicitly named file is read whatever its name). */
  extensions?: string[];
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
  const read = await readListedFiles(listing.files);
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
  for (const input of inputs) {
    for (const path of await expandInput(input, options, warnings)) paths.add(path);
  }
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const files: ListedFile[] = [];
  // Synchronous on purpose: one stat is a few microseconds of work, and at 10,000 files a promise round trip per
  // stat cost twice the stats themselves (120-170 ms against 270-700 ms). The listing runs in the indexing worker
  // or the CLI; the language server's own thread lists only when the worker cannot start.
  for (const path of [...paths].sort(comparePaths)) {
    const listed = listFile(path, statOrError(path), maxFileBytes);
    if (listed.file) files.push(listed.file);
    else warnings.push(listed.warning);
  }
  return { files, warnings };
}

/** Reads and hashes listed files, in parallel; each that cannot be used becomes a warning (in path order). */
export async function readListedFiles(listed: ListedFile[]): Promise<{ files: SourceFile[]; warnings: SourceWarning[] }> {
  const results = await mapInParallel(listed, PARALLEL_READS, (file) => readContent(file.path));
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
  const stats = await stat(absolute).catch((error: unknown) => error as Error);
  const listed = listFile(absolute, stats, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  return listed.file ? readContent(absolute) : listed;
}

/** A file's stamp, or a warning when it is not a file, is too large, or cannot be stat'ed. */
function listFile(path: string, stats: Stats | Error, maxFileBytes: number): ListResult {
  const skip = (message: string): ListResult => ({ warning: { path, message } });
  if (stats instanceof Error) return skip(describeError(stats));
  if (stats.isDirectory()) return skip('is a folder, not a file');
  if (stats.size > maxFileBytes) {
    return skip(`too large (${stats.size.toLocaleString('en')} bytes; the limit is ${maxFileBytes.toLocaleString('en')})`);
  }
  return { file: { path, size: stats.size, mtimeMs: stats.mtimeMs } };
}

/** The file's text and hash, or a warning when it is unreadable, binary or not UTF-8. */
async function readContent(path: string): Promise<SourceReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { warning: { path, message: describeError(error) } };
  }
  return sourceFromBytes(path, bytes);
}

/** A source file's bytes as its text and hash, or a warning when they are binary or not UTF-8. */
export function sourceFromBytes(path: string, bytes: Buffer): SourceReadResult {
  const skip = (message: string): SourceReadResult => ({ warning: { path, message } });
  if (bytes.includes(0)) return skip('binary file (contains NUL bytes)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return skip('not valid UTF-8 text');
  }
  return { file: { path, text, hash: createHash('sha256').update(bytes).digest('hex') } };
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
  if (!stats.isDirectory()) return [absolute];

  const walked = await walk(absolute, Infinity);
  const files = walked.files.filter((path) => hasSourceExtension(path, options));
  return reportEmpty(files, walked.warnings, absolute, `folder has no source files (${extensionList(options)})`, warnings);
}

async function expandGlob(pattern: string, options: LoadOptions, warnings: SourceWarning[]): Promise<string[]> {
  const { base, relative } = splitGlob(pattern);
  const root = resolve(base);
  const matcher = globToRegExp(relative);
  const walked = await walk(root, globDepth(relative));
  const files = walked.files.filter(
    (path) => matcher.test(path.slice(root.length + 1).replace(/\\/g, '/')) && hasSourceExtension(path, options),
  );
  const message = `pattern matches no source files (${extensionList(options)})`;
  return reportEmpty(files, walked.warnings, resolve(pattern), message, warnings);
}

/** Passes on the walk's warnings; an input that yields no file gets one, unless the walk already said why. */
function reportEmpty(
  files: string[],
  walkWarnings: SourceWarning[],
  path: string,
  message: string,
  warnings: SourceWarning[],
): string[] {
  warnings.push(...walkWarnings);
  if (files.length === 0 && walkWarnings.length === 0) warnings.push({ path, message });
  return files;
}

/**
 * Files below `root` (absolute paths), skipping hidden entries and node_modules, down to `maxDepth` levels.
 * Symbolic links are followed, each real folder visited once. An unreadable subfolder is a warning.
 */
async function walk(root: string, maxDepth: number): Promise<{ files: string[]; warnings: SourceWarning[] }> {
  const files: string[] = [];
  const warnings: SourceWarning[] = [];
  const visited = new Set<string>();
  const visit = async (folder: string, depth: number): Promise<void> => {
    let entries: Dirent[];
    try {
      const real = await realpath(folder);
      if (visited.has(real)) return;
      visited.add(real);
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      warnings.push({ path: folder, message: describeError(error) });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      const kind = entry.isSymbolicLink() ? await linkTargetKind(path) : entry;
      if (kind?.isDirectory()) {
        if (depth < maxDepth) await visit(path, depth + 1);
      } else if (kind?.isFile()) {
        files.push(path);
      }
    }
  };
  await visit(root, 1);
  return { files, warnings };
}

/** What a symbolic link points at; undefined for a dangling link. */
async function linkTargetKind(path: string) {
  return stat(path).catch(() => undefined);
}

function hasSourceExtension(path: string, options: LoadOptions): boolean {
  const extensions = options.extensions ?? DEFAULT_EXTENSIONS;
  return extensions.some((extension) => extension.toLowerCase() === extname(path).toLowerCase());
}

function extensionList(options: LoadOptions): string {
  return (options.extensions ?? DEFAULT_EXTENSIONS).join(', ');
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'not a folder';
  return error instanceof Error ? error.message : String(error);
}

// Code-unit order, not locale order: the same on every machine.
function comparePaths(a: string, b: string): number {
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
