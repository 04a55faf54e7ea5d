// `groundwork corpus push|status`: the team corpus on PostgreSQL.
import { parseArgs } from 'node:util';
import {
  corpusUrlFrom,
  CorpusUrlError,
  CORPUS_ENVIRONMENT_VARIABLE,
  validateCorpusUrl,
} from '../corpus/postgres/connection.js';
import { pushCorpus, type PushSummary } from '../corpus/postgres/push.js';
import { CorpusSchemaError } from '../corpus/postgres/schema.js';
import { corpusStatus, type CorpusStatus } from '../corpus/postgres/status.js';
import { progressBar } from './progress-bar.js';
import { UsageError, type Output } from './output.js';

export async function runCorpus(argv: string[], output: Output): Promise<number> {
  const [action, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      corpus: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'max-file-size': { type: 'string' },
      format: { type: 'string', default: 'text' },
    },
  });
  const url = requireCorpusUrl(values.corpus);
  try {
    if (action === 'push') {
      if (positionals.length === 0)
        throw new UsageError('nothing to push: groundwork corpus push --corpus URL DIR_OR_GLOB...');
      const maxFileBytes = values['max-file-size'] === undefined ? undefined : Number(values['max-file-size']);
      if (maxFileBytes !== undefined && !(maxFileBytes > 0))
        throw new UsageError('--max-file-size takes a number of bytes');
      const { summary, warnings } = await pushCorpus(url, positionals, {
        dryRun: values['dry-run'],
        maxFileBytes,
        onProgress: progressBar('files'),
      });
      for (const warning of warnings) output.warn(`${warning.path}: ${warning.message}`);
      output.write(`${describePush(summary)}\n`);
      return summary.files === 0 && summary.removed === 0 ? 2 : 0;
    }
    if (action === 'status') {
      const status = await corpusStatus(url);
      output.write(values.format === 'json' ? `${JSON.stringify(status, null, 2)}\n` : describeStatus(status));
      return 0;
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    output.error(describeCorpusError(error));
    return 2;
  }
  throw new UsageError(
    action ? `unknown corpus command '${action}' (push or status)` : 'groundwork corpus push|status --corpus URL',
  );
}

/** The corpus URL from --corpus or GROUNDWORK_CORPUS, checked; a usage error when neither gives a usable one. */
export function requireCorpusUrl(flag: string | undefined): string {
  const url = corpusUrlFrom(flag);
  if (url === undefined)
    throw new UsageError(`no team corpus: give --corpus postgresql://... or set ${CORPUS_ENVIRONMENT_VARIABLE}`);
  try {
    validateCorpusUrl(url);
  } catch (error) {
    if (error instanceof CorpusUrlError) throw new UsageError(error.message);
    throw error;
  }
  return url;
}

/** What went wrong talking to the corpus, in one line. */
export function describeCorpusError(error: unknown): string {
  if (error instanceof CorpusSchemaError) return error.message;
  const { code, message } = error as { code?: string; message?: string };
  if (code === 'ECONNREFUSED' || code === 'ENOENT' || code === 'ETIMEDOUT' || /timeout/i.test(message ?? '')) {
    return `the team corpus cannot be reached (${message ?? code})`;
  }
  if (code === '28P01' || code === '28000')
    return `the team corpus refused the login (${message}): check PGPASSWORD or the PGPASSFILE`;
  if (code === '42501') return `the team corpus refused: ${message} (a read-only role cannot push)`;
  return `team corpus: ${message ?? String(error)}`;
}

function describePush(summary: PushSummary): string {
  const written = summary.added + summary.replaced;
  const rate = written / Math.max(summary.seconds, 0.001);
  const what = `${summary.added.toLocaleString('en')} added, ${summary.replaced.toLocaleString('en')} replaced, ${summary.removed.toLocaleString('en')} removed, ${summary.unchanged.toLocaleString('en')} unchanged`;
  if (summary.dryRun) return `dry run, nothing written to ${summary.corpus}: would be ${what}`;
  return `${summary.corpus}: ${what} (${summary.sentences.toLocaleString('en')} sentences) in ${summary.seconds.toFixed(1)} s, ${rate.toFixed(0)} documents/s`;
}

function describeStatus(status: CorpusStatus): string {
  const lines = [
    `corpus     ${status.corpus}`,
    `documents  ${status.documents.toLocaleString('en')}`,
    `sentences  ${status.sentences.toLocaleString('en')}`,
    `size       ${(status.bytes / 1e6).toFixed(1)} MB (sentence index: ${status.index})`,
  ];
  const last = status.lastIngest;
  if (last) {
    const when = last.finishedAt
      ? `finished ${last.finishedAt}`
      : `started ${last.startedAt}, did not finish (the next push completes it)`;
    lines.push(
      `last push  ${when}: ${last.added} added, ${last.replaced} replaced, ${last.removed} removed, ${last.unchanged} unchanged`,
    );
  } else lines.push('last push  none');
  return `${lines.join('\n')}\n`;
}
