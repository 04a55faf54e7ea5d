// The `groundwork` command: check drafts, evaluate benchmark cases, or serve the language server.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultCacheDir } from '../core/cache/store.js';
import { isMainThread, workerData } from 'node:worker_threads';
import { FORMATS, runCheck } from './check.js';
import { requireCorpusUrl, runCorpus } from './corpus.js';
import { corpusUrlFrom } from '../corpus/postgres/connection.js';
import { EVAL_WORKER_FLAG, runEval, serveEvalWorker } from './eval.js';
import { processOutput, UsageError } from './output.js';
import { startLanguageServer } from '../server/server.js';
// The bundle keeps only this one field of package.json (esbuild drops the JSON's unused keys).
import { version as VERSION } from '../../package.json';
import { DEFAULT_SETTINGS } from '../shared/settings-schema.js';

const USAGE = `usage:
  groundwork check [--sources DIR_OR_GLOB]... [--corpus URL] [--format text|json|sarif|html] [--max-file-size BYTES]
                   [--cache-dir DIR | --no-cache] [--follow-links] FILE...
  groundwork corpus push [--corpus URL] [--dry-run] DIR_OR_GLOB...
  groundwork corpus status [--corpus URL] [--format text|json]
  groundwork eval CASES.jsonl... --out PREDICTIONS.jsonl [--jobs N]
  groundwork lsp --stdio
  groundwork --version

check  verifies the quotes and claims of Markdown or plain-text drafts against source documents
       (default sources: ./seeds). The index is kept in .groundwork-cache/ so the next run re-reads only changed
       files. Exit code 0: nothing flagged; 1: something flagged; 2: bad usage or no usable input.
corpus keeps sources in a team corpus on PostgreSQL (URL: postgresql://..., else $GROUNDWORK_CORPUS; no password
       in it: PGPASSWORD or a PGPASSFILE); check --corpus checks against it, with or without --sources.
eval   verifies each benchmark case's claim against its own source; writes {"id","verdict","score"} per line.
lsp    runs the Groundwork language server (for Neovim, Helix, Zed, Emacs...).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    processOutput.write(`${VERSION}\n`);
    return 0;
  }
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    processOutput.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (command === 'check') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        sources: { type: 'string', multiple: true, short: 's' },
        format: { type: 'string', short: 'f', default: 'text' },
        'max-file-size': { type: 'string' },
        'cache-dir': { type: 'string' },
        'no-cache': { type: 'boolean', default: false },
        'follow-links': { type: 'boolean', default: false },
        corpus: { type: 'string' },
      },
    });
    const format = values.format as (typeof FORMATS)[number];
    if (!FORMATS.includes(format))
      throw new UsageError(`unknown format '${values.format}' (text, json, sarif or html)`);
    // The same limit as the editor's `maxFileSizeKb` setting, so a source the CLI checks is one the editor indexes.
    const maxFileBytes =
      values['max-file-size'] === undefined ? DEFAULT_SETTINGS.maxFileSizeKb * 1024 : Number(values['max-file-size']);
    if (!(maxFileBytes > 0)) throw new UsageError('--max-file-size takes a number of bytes');
    const cacheDir = values['no-cache'] ? undefined : resolve(values['cache-dir'] ?? defaultCacheDir('.'));
    const corpus = corpusUrlFrom(values.corpus) === undefined ? undefined : requireCorpusUrl(values.corpus);
    // With a team corpus, local sources are only those named.
    const sources = values.sources ?? (corpus ? [] : DEFAULT_SETTINGS.sources);
    return runCheck(
      { drafts: positionals, sources, format, maxFileBytes, cacheDir, corpus, followLinks: values['follow-links'] },
      processOutput,
      VERSION,
    );
  }
  if (command === 'corpus') {
    return runCorpus(rest, processOutput);
  }
  if (command === 'eval') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { out: { type: 'string', short: 'o' }, jobs: { type: 'string', short: 'j' } },
    });
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
    if (jobs !== undefined && !(jobs >= 1)) throw new UsageError('--jobs takes a whole number of at least 1');
    return runEval({ cases: positionals, out: values.out ?? '', jobs }, processOutput);
  }
  if (command === 'lsp') {
    startLanguageServer();
    return -1;
  }
  throw new UsageError(`unknown command '${command}'`);
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[EVAL_WORKER_FLAG]) {
  serveEvalWorker();
} else {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
        processOutput.error((error as Error).message);
        processOutput.write(`${USAGE}\n`);
        process.exitCode = 2;
      } else {
        processOutput.error((error as Error).stack ?? String(error));
        process.exitCode = 2;
      }
    },
  );
}
