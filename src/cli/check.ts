// `groundwork check`: drafts against a source folder, reported as text, JSON findings, SARIF or an HTML page.
import { extname, resolve } from 'node:path';
import { DraftChecker } from '../core/checker.js';
import { loadLibraryCached } from '../core/cache/load-cached.js';
import { cacheProblems } from '../core/cache/problems.js';
import { findingsReport, type DraftReport } from '../core/report/json.js';
import { sarifReport } from '../core/report/sarif.js';
import { textReport } from '../core/report/text.js';
import { isFlagged } from '../core/report/codes.js';
import { htmlReport, type CheckedDraftFile } from './htmlReport.js';
import { inputBase } from '../core/sources/glob.js';
import { DEFAULT_MAX_FILE_BYTES } from '../core/sources/load.js';
import { readRegularFile } from '../core/sources/read-regular.js';
import { UsageError, type Output } from './output.js';

export interface CheckArguments {
  drafts: string[];
  sources: string[];
  format: (typeof FORMATS)[number];
  maxFileBytes?: number;
  /** Where the persisted index lives; undefined: no cache (`--no-cache`). */
  cacheDir?: string;
  /** Follow symbolic links out of the source folders (`--follow-links`); by default they are skipped with a warning. */
  followLinks?: boolean;
}

export const FORMATS = ['text', 'json', 'sarif', 'html'] as const;

export async function runCheck(args: CheckArguments, output: Output, version: string): Promise<number> {
  if (args.drafts.length === 0) throw new UsageError('no draft given: groundwork check [--sources DIR]... FILE...');
  const { library, warnings, stats } = await loadLibraryCached(args.sources, {
    maxFileBytes: args.maxFileBytes,
    cacheDir: args.cacheDir,
    // Each source input is where its own sources may be: a link out of a named folder is followed only when asked.
    confine: args.followLinks ? undefined : { roots: args.sources.map(inputBase), hint: 'pass --follow-links to use it' },
    exclude: args.drafts,
  });
  for (const warning of warnings) output.warn(`${warning.path}: ${warning.message}`);
  for (const problem of cacheProblems(stats)) output.warn(problem);
  if (library.size === 0) {
    output.error(`no usable source documents in ${args.sources.join(', ')}`);
    return 2;
  }
  const checker = new DraftChecker(library);
  const reports: (DraftReport & CheckedDraftFile)[] = [];
  for (const draft of args.drafts) {
    // Read as sources are: a FIFO or a device named as a draft must not hang the run or fill the memory.
    const read = await readRegularFile(draft, args.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    if (!read.bytes) {
      output.warn(`${draft}: cannot read the draft (${read.problem})`);
      continue;
    }
    const text = read.bytes.toString('utf8');
    const languageId = ['.md', '.markdown'].includes(extname(draft).toLowerCase()) ? 'markdown' : 'plaintext';
    reports.push({ path: draft, text, languageId, findings: checker.check(text, { languageId }) });
  }
  if (reports.length === 0) {
    output.error('no readable draft');
    return 2;
  }
  if (args.format === 'json') output.write(JSON.stringify(findingsReport(reports, resolve('.')), null, 2) + '\n');
  else if (args.format === 'html') output.write(htmlReport(reports, library, resolve('.'), new Date()));
  else if (args.format === 'sarif') output.write(JSON.stringify(sarifReport(reports, resolve('.'), version), null, 2) + '\n');
  else output.write(textReport(reports));
  return reports.some((report) => report.findings.some(isFlagged)) ? 1 : 0;
}
