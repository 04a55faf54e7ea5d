// `groundwork check`: drafts against a source folder and/or a team corpus, reported as text, JSON findings, SARIF
// or an HTML page.
import { extname, resolve } from 'node:path';
import { DraftChecker } from '../core/checker.js';
import { loadLibraryCached } from '../core/cache/load-cached.js';
import { cacheProblems } from '../core/cache/problems.js';
import { SourceLibrary } from '../core/library.js';
import { findingsReport, type DraftReport } from '../core/report/json.js';
import { sarifReport } from '../core/report/sarif.js';
import { textReport } from '../core/report/text.js';
import { isFlagged } from '../core/report/codes.js';
import { inputBase } from '../core/sources/glob.js';
import { DEFAULT_MAX_FILE_BYTES } from '../core/sources/load.js';
import { readRegularFile } from '../core/sources/read-regular.js';
import { openCorpusCheck, type DraftCheck } from './check-corpus.js';
import { htmlReport, type CheckedDraftFile } from './htmlReport.js';
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
  /** A team corpus's postgresql:// connection string, checked against too. */
  corpus?: string;
}

export const FORMATS = ['text', 'json', 'sarif', 'html'] as const;

export async function runCheck(args: CheckArguments, output: Output, version: string): Promise<number> {
  if (args.drafts.length === 0) throw new UsageError('no draft given: groundwork check [--sources DIR]... FILE...');
  const opened = await openCheck(args, output);
  if (!opened) return 2;
  try {
    return await checkDrafts(args, opened, output, version);
  } finally {
    await opened.checker.close();
  }
}

interface OpenedCheck {
  checker: DraftCheck;
  /** The local sources (empty when only a team corpus is given): the HTML report lists them. */
  library: SourceLibrary;
}

/** The local sources (none when only a team corpus is given), and the team corpus if any. */
async function openCheck(args: CheckArguments, output: Output): Promise<OpenedCheck | undefined> {
  let library = new SourceLibrary();
  if (args.sources.length > 0) {
    const loaded = await loadLibraryCached(args.sources, {
      maxFileBytes: args.maxFileBytes,
      cacheDir: args.cacheDir,
      // Each source input is where its own sources may be: a link out of a named folder is followed only when asked.
      confine: args.followLinks
        ? undefined
        : { roots: args.sources.map(inputBase), hint: 'pass --follow-links to use it' },
      exclude: args.drafts,
    });
    for (const warning of loaded.warnings) output.warn(`${warning.path}: ${warning.message}`);
    for (const problem of cacheProblems(loaded.stats)) output.warn(problem);
    library = loaded.library;
  }
  if (args.corpus) {
    const checker = await openCorpusCheck(args.corpus, library.size ? library : undefined, output);
    return checker && { checker, library };
  }
  if (library.size === 0) {
    output.error(`no usable source documents in ${args.sources.join(', ')}`);
    return undefined;
  }
  const local = new DraftChecker(library);
  return {
    checker: { check: (text, options) => Promise.resolve(local.check(text, options)), close: () => Promise.resolve() },
    library,
  };
}

async function checkDrafts(
  args: CheckArguments,
  { checker, library }: OpenedCheck,
  output: Output,
  version: string,
): Promise<number> {
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
    reports.push({ path: draft, text, languageId, findings: await checker.check(text, { languageId }) });
  }
  if (reports.length === 0) {
    output.error('no readable draft');
    return 2;
  }
  if (args.format === 'json') output.write(JSON.stringify(findingsReport(reports, resolve('.')), null, 2) + '\n');
  else if (args.format === 'html') output.write(htmlReport(reports, library, resolve('.'), new Date()));
  else if (args.format === 'sarif')
    output.write(JSON.stringify(sarifReport(reports, resolve('.'), version), null, 2) + '\n');
  else output.write(textReport(reports));
  return reports.some((report) => report.findings.some(isFlagged)) ? 1 : 0;
}
