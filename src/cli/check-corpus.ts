// `groundwork check --corpus URL`: the drafts checked against the team corpus (and the local sources, if any).
import { DraftChecker, type CheckOptions } from '../core/checker.js';
import { CorpusChecker } from '../core/corpus/corpus-checker.js';
import { PassageCache } from '../core/corpus/passage-cache.js';
import type { SourceLibrary } from '../core/library.js';
import type { Finding } from '../core/types.js';
import { PostgresCorpus } from '../corpus/postgres/postgres-corpus.js';
import { CorpusSchemaError } from '../corpus/postgres/schema.js';
import { describeCorpusError } from './corpus.js';
import type { Output } from './output.js';

export interface DraftCheck {
  check(text: string, options: CheckOptions): Promise<Finding[]>;
  close(): Promise<void>;
}

/**
 * A check against the corpus at `url` and the local `folder`; when the corpus cannot be reached, one warning and a
 * check of the local sources alone. Undefined (after an error) when there is nothing to check against.
 */
export async function openCorpusCheck(
  url: string,
  folder: SourceLibrary | undefined,
  output: Output,
): Promise<DraftCheck | undefined> {
  const backend = new PostgresCorpus(url);
  try {
    await backend.snapshot((view) => Promise.resolve(view.totals));
  } catch (error) {
    await backend.close();
    if (error instanceof CorpusSchemaError || !folder) {
      output.error(describeCorpusError(error));
      return undefined;
    }
    output.warn(`${describeCorpusError(error)}; checking against the local sources only`);
    const checker = new DraftChecker(folder);
    return { check: (text, options) => Promise.resolve(checker.check(text, options)), close: () => Promise.resolve() };
  }
  const warned = new Set<string>();
  const warnOnce = (message: string) => {
    if (!warned.has(message)) output.warn(message);
    warned.add(message);
  };
  const checker = new CorpusChecker(PassageCache.withLocal(folder), backend, {
    onConnection: (_state, message) => warnOnce(message),
    onWarning: warnOnce,
  });
  return { check: (text, options) => checker.check(text, options), close: () => backend.close() };
}
