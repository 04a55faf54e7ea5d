// One team corpus the server checks drafts against: its connection pool, a CorpusChecker over a passage cache that
// holds the local sources too (so evidence from both competes, as with `groundwork check --corpus --sources`), and
// whether the server can be reached. Checks run one at a time: they share the cache, which each fill changes. The
// checker keeps each draft's last version by its URI, so a typing edit asks only for its changed sentences.
// While the server cannot be reached, drafts are checked against the local sources and checked again every retry
// interval, so that they pick the corpus up again when it is back even if nobody types.
import { CorpusChecker, RETRY_AFTER_MS } from '../core/corpus/corpus-checker.js';
import type { CorpusBackend } from '../core/corpus/backend.js';
import { PassageCache } from '../core/corpus/passage-cache.js';
import type { CheckOptions } from '../core/checker.js';
import type { SourceLibrary } from '../core/library.js';
import type { Finding } from '../core/types.js';
import { PostgresCorpus } from '../corpus/postgres/postgres-corpus.js';

/** The core's retry interval has passed by then: the recheck really asks the server again. */
const RECHECK_AFTER_MS = RETRY_AFTER_MS + 1_000;

export interface TeamCorpusEvents {
  /** The server could not be reached (once per outage), or came back. */
  onState(state: 'reachable' | 'unreachable', message: string): void;
  /** The drafts checked against this corpus should be checked again. */
  onRecheck(): void;
  /** A stored row that could not be used (once each). */
  onWarning(message: string): void;
}

export interface CorpusCheck {
  findings: Finding[];
  /** Where the findings' evidence is: the local sources and the corpus's documents fetched so far. */
  library: SourceLibrary;
  /** Sentence searches sent to the server for this check. */
  searches: number;
}

export class TeamCorpus {
  readonly label: string;
  private readonly backend: CorpusBackend;
  private checker: CorpusChecker | undefined;
  /** The local library (and its version) the checker's cache was made from. */
  private local: { library: SourceLibrary; version: number } | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private recheckTimer: NodeJS.Timeout | undefined;
  private searches = 0;
  /** A bad row is fetched again by each check that wants it: it is reported once. */
  private readonly warned = new Set<string>();

  constructor(
    readonly url: string,
    password: string | undefined,
    private readonly events: TeamCorpusEvents,
  ) {
    const corpus = new PostgresCorpus(url, { password, applicationName: 'groundwork-language-server' });
    this.label = corpus.label;
    this.backend = countingSearches(corpus, (count) => (this.searches += count));
  }

  /** The library a check against the local sources `local` runs on (a fresh cache once they changed). */
  libraryFor(local: SourceLibrary): SourceLibrary {
    return this.checkerFor(local).cache;
  }

  check(local: SourceLibrary, text: string, options: CheckOptions): Promise<CorpusCheck> {
    const run = this.queue.then(async () => {
      const checker = this.checkerFor(local);
      const before = this.searches;
      const findings = await checker.check(text, options);
      return { findings, library: checker.cache, searches: this.searches - before };
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Closes the pool once the checks already asked for are done. */
  async close(): Promise<void> {
    clearInterval(this.recheckTimer);
    this.recheckTimer = undefined;
    await this.queue;
    await this.backend.close();
  }

  private checkerFor(local: SourceLibrary): CorpusChecker {
    // The cache holds a copy of the local sources: when they change, it starts afresh from the new ones.
    if (!this.checker || this.local?.library !== local || this.local.version !== local.version) {
      this.checker = new CorpusChecker(PassageCache.withLocal(local), this.backend, {
        onConnection: (state, message) => this.connectionChanged(state, message),
        onWarning: (message) => {
          if (!this.warned.has(message)) this.events.onWarning(message);
          this.warned.add(message);
        },
      });
      this.local = { library: local, version: local.version };
    }
    return this.checker;
  }

  private connectionChanged(state: 'unreachable' | 'restored', message: string): void {
    const unreachable = this.recheckTimer !== undefined;
    // A checker made afresh during an outage reports it again: the writer has heard about it already.
    if ((state === 'unreachable') === unreachable) return;
    if (state === 'unreachable') {
      this.recheckTimer = setInterval(() => {
        // What was checked meanwhile lacks the corpus: stale, so that the recheck asks the server again.
        this.checker?.cache.invalidate();
        this.events.onRecheck();
      }, RECHECK_AFTER_MS);
      this.events.onState('unreachable', message);
    } else {
      clearInterval(this.recheckTimer);
      this.recheckTimer = undefined;
      this.events.onState('reachable', message);
      this.events.onRecheck();
    }
  }
}

/** The backend, with the number of sentence searches of each batch reported to `count` (for the check's log line). */
function countingSearches(backend: CorpusBackend, count: (searches: number) => void): CorpusBackend {
  return {
    label: backend.label,
    close: () => backend.close(),
    snapshot: (work) =>
      backend.snapshot((view) =>
        work({
          totals: view.totals,
          frequencies: (terms) => view.frequencies(terms),
          search: (queries) => {
            count(queries.length);
            return view.search(queries);
          },
          phrases: (phrases, limit) => view.phrases(phrases, limit),
          lookup: (keys) => view.lookup(keys),
          documents: (ids, warn) => view.documents(ids, warn),
        }),
      ),
  };
}
