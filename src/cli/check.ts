// `groundwork check`: drafts against a source folder, reported as text, JSON findings, SARIF or an HTML page.
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { DraftChecker } from '../core/checker.js';
import { loadLibraryCached } from '../core/cache/load-cached.js';
import { findingsReport, type DraftReport } from '../core/report/json.js';
import { sarifReport } from '../core/report/sarif.js';
import { textReport } from '../core/report/text.js';
import { isFlagged } from '../core/report/codes.js';
import { htmlReport, type CheckedDraftFile } from './htmlReport.js';
import { UsageError, type Output } from './output.js';

export interface CheckArguments {
  drafts: string[];
  sources: string[];
  format: (typeof FORMATS)[number];
  maxFileBytes?: number;
  /** Where the persisted index lives; undefined: no cache (`--no-cache`). */
  cacheDir?: string;
}

export const FORMATS = ['text', 'json', 'sarif', 'html'] as const;

export async function runCheck(args: CheckArguments, output: Output, version: string): Promise<number> {
  if (args.drafts.length === 0) throw new UsageError('no draft given: groundwork check [--sources DIR]... FILE...');
  const { library, warnings, stats } = await loadLibraryCached(args.sources, { maxFileBytes: args.maxFileBytes, cacheDir: args.cacheDir });
  for (const warning of warnings) output.warn(`${warning.path}: ${warning.message}`);
  if (stats.cache === 'invalid') output.warn(`${stats.cacheFile}: ${stats.reason ?? 'unusable'}; the index was rebuilt`);
  if (stats.saveError) output.warn(`the index could not be saved for next time: ${stats.saveError}`);
  if (library.size === 0) {
    output.error(`no usable source documents in ${args.sources.join(', ')}`);
    return 2;
  }
  const checker = new DraftChecker(library);
  const reports: (DraftReport & CheckedDraftFile)[] = [];
  for (const draft of args.drafts) {
    let text: string;
    try {
      text = await readFile(draft, 'utf8');
    } catch (error) {
      output.warn(`${draft}: cannot read the draft (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      continue;
    }
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
