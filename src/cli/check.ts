// `groundwork check`: drafts against a source folder, reported as text, JSON findings or SARIF.
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { DraftChecker } from '../core/checker.js';
import { loadLibraryCached } from '../core/cache/load-cached.js';
import { findingsReport, type DraftReport } from '../core/report/json.js';
import { sarifReport } from '../core/report/sarif.js';
import { textReport } from '../core/report/text.js';
import { isFlagged } from '../core/report/codes.js';
import { UsageError, type Output } from './output.js';
import { openCorpusCheck, type DraftCheck } from './check-corpus.js';
import type { SourceLibrary } from '../core/library.js';

export interface CheckArguments {
  drafts: string[];
  sources: string[];
  format: 'text' | 'json' | 'sarif';
  maxFileBytes?: number;
  /** Where the persisted index lives; undefined: no cache (`--no-cache`). */
  cacheDir?: string;
  /** A team corpus's postgresql:// connection string, checked against too. */
  corpus?: string;
}

export const FORMATS = ['text', 'json', 'sarif'] as const;

export async function runCheck(args: CheckArguments, output: Output, version: string): Promise<number> {
  if (args.drafts.length === 0) throw new UsageError('no draft given: groundwork check [--sources DIR]... FILE...');
  const checker = await openCheck(args, output);
  if (!checker) return 2;
  try {
    return await checkDrafts(args, checker, output, version);
  } finally {
    await checker.close();
  }
}

/** The local sources (none when only a team corpus is given), and the team corpus if any. */
async function openCheck(args: CheckArguments, output: Output): Promise<DraftCheck | undefined> {
  let library: SourceLibrary | undefined;
  if (args.sources.length > 0) {
    const loaded = await loadLibraryCached(args.sources, { maxFileBytes: args.maxFileBytes, cacheDir: args.cacheDir });
    for (const warning of loaded.warnings) output.warn(`${warning.path}: ${warning.message}`);
    if (loaded.stats.cache === 'invalid') output.warn(`${loaded.stats.cacheFile}: ${loaded.stats.reason ?? 'unusable'}; the index was rebuilt`);
    if (loaded.stats.saveError) output.warn(`the index could not be saved for next time: ${loaded.stats.saveError}`);
    library = loaded.library;
  }
  if (args.corpus) return openCorpusCheck(args.corpus, library?.size ? library : undefined, output);
  if (!library || library.size === 0) {
    output.error(`no usable source documents in ${args.sources.join(', ')}`);
    return undefined;
  }
  const checker = new DraftChecker(library);
  return { check: async (text, options) => checker.check(text, options), close: async () => {} };
}

async function checkDrafts(args: CheckArguments, checker: DraftCheck, output: Output, version: string): Promise<number> {
  const reports: DraftReport[] = [];
  for (const draft of args.drafts) {
    let text: string;
    try {
      text = await readFile(draft, 'utf8');
    } catch (error) {
      output.warn(`${draft}: cannot read the draft (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      continue;
    }
    const languageId = ['.md', '.markdown'].includes(extname(draft).toLowerCase()) ? 'markdown' : 'plaintext';
    reports.push({ path: draft, findings: await checker.check(text, { languageId }) });
  }
  if (reports.length === 0) {
    output.error('no readable draft');
    return 2;
  }
  if (args.format === 'json') output.write(JSON.stringify(findingsReport(reports, resolve('.')), null, 2) + '\n');
  else if (args.format === 'sarif') output.write(JSON.stringify(sarifReport(reports, resolve('.'), version), null, 2) + '\n');
  else output.write(textReport(reports));
  return reports.some((report) => report.findings.some(isFlagged)) ? 1 : 0;
}
