// Reading and updating `.groundwork.json` in a workspace folder.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProjectConfig, type IgnoredFinding, type ProjectConfig } from './settings.js';

export const PROJECT_FILE = '.groundwork.json';

export type ProjectFileResult = { config?: ProjectConfig; error?: string };

export function readProjectFile(folder: string): ProjectFileResult {
  const path = join(folder, PROJECT_FILE);
  if (!existsSync(path)) return {};
  try {
    return { config: parseProjectConfig(readFileSync(path, 'utf8')) };
  } catch (error) {
    return { error: `${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Adds an ignored finding, keeping every other key of the file as it was. */
export function addIgnoredFinding(folder: string, entry: IgnoredFinding): void {
  const path = join(folder, PROJECT_FILE);
  const raw = (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {}) as Record<string, unknown>;
  const ignore = Array.isArray(raw.ignore) ? raw.ignore : [];
  const known = ignore.some((item: unknown) => item === entry.fingerprint || (item as IgnoredFinding)?.fingerprint === entry.fingerprint);
  if (!known) ignore.push(entry.note ? { fingerprint: entry.fingerprint, note: entry.note } : { fingerprint: entry.fingerprint });
  writeFileSync(path, `${JSON.stringify({ ...raw, ignore }, null, 2)}\n`);
}
