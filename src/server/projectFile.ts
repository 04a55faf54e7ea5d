// Reading and updating `.groundwork.json` in a workspace folder. The file is the workspace's, so it may be anything:
// it is read only when it is a regular file of sensible size (a FIFO there would hang the server), and written only
// as a regular file in the folder itself (never through a link to somewhere else), atomically, with what is
// written validated first.
import { randomBytes } from 'node:crypto';
import { lstatSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRegularFileSync } from '../core/sources/read-regular.js';
import { parseProjectConfig, type IgnoredFinding, type ProjectConfig } from './settings.js';

export const PROJECT_FILE = '.groundwork.json';

// Far more than any hand-written project file; a limit so that a huge or endless one cannot exhaust memory.
const MAX_PROJECT_FILE_BYTES = 1 << 20;
// findingFingerprint's form: 16 hex digits.
const FINGERPRINT = /^[0-9a-f]{16}$/;

export type ProjectFileResult = { config?: ProjectConfig; error?: string };

export function readProjectFile(folder: string): ProjectFileResult {
  const path = join(folder, PROJECT_FILE);
  const read = readRegularFileSync(path, MAX_PROJECT_FILE_BYTES);
  if (read.problem === 'no such file or folder') return {};
  if (!read.bytes) return { error: `${path}: ${read.problem}` };
  try {
    return { config: parseProjectConfig(read.bytes.toString('utf8')) };
  } catch (error) {
    return { error: `${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Adds an ignored finding, keeping every other key of the file as it was. Throws, naming the file, when it cannot. */
export function addIgnoredFinding(folder: string, entry: IgnoredFinding): void {
  const path = join(folder, PROJECT_FILE);
  if (typeof entry.fingerprint !== 'string' || !FINGERPRINT.test(entry.fingerprint)) {
    throw new Error(
      `${path}: not saved: ${JSON.stringify(entry.fingerprint) ?? String(entry.fingerprint)} is not a finding's fingerprint`,
    );
  }
  if (entry.note !== undefined && typeof entry.note !== 'string')
    throw new Error(`${path}: not saved: the note is not text`);
  const raw = currentObject(path);
  const ignore = Array.isArray(raw.ignore) ? raw.ignore : [];
  const known = ignore.some(
    (item: unknown) => item === entry.fingerprint || (item as IgnoredFinding)?.fingerprint === entry.fingerprint,
  );
  if (!known)
    ignore.push(entry.note ? { fingerprint: entry.fingerprint, note: entry.note } : { fingerprint: entry.fingerprint });
  writeAtomically(path, `${JSON.stringify({ ...raw, ignore }, null, 2)}\n`);
}

/** The project file's object, {} when there is none; throws when it is not a regular file holding a JSON object. */
function currentObject(path: string): Record<string, unknown> {
  const read = readRegularFileSync(path, MAX_PROJECT_FILE_BYTES);
  if (read.problem === 'no such file or folder') {
    // A dangling link reads as missing: still not to be written through.
    if (isLink(path)) throw new Error(`${path}: not saved: it is a symbolic link`);
    return {};
  }
  if (!read.bytes) throw new Error(`${path}: not saved: ${read.problem}`);
  if (isLink(path)) throw new Error(`${path}: not saved: it is a symbolic link`);
  let raw: unknown;
  try {
    raw = JSON.parse(read.bytes.toString('utf8'));
  } catch (error) {
    throw new Error(`${path}: not saved: ${(error as Error).message}`, { cause: error });
  }
  // An array or a string would be spread into {"0": …}: the file would be lost, not updated.
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error(`${path}: not saved: it does not hold a JSON object`);
  return raw as Record<string, unknown>;
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** A new file beside the old one, renamed over it: a reader sees the old file or the new, never half of one. */
function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new Error(`${path}: not saved: ${(error as Error).message}`, { cause: error });
  }
}
