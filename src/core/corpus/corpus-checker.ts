// Checking a draft against a team corpus: the draft is checked against the passage cache, which notes every query
// it could not answer; the sentences verified while something was missing are not remembered by the checker. All
// that was noted is sent in one batch per kind, and the draft is checked again: only those sentences are verified
// again, now with their answers. A typing edit verifies and asks for only its changed sentences; a first check
// verifies a sentence at most once more than it asks.
import { DraftChecker, type CheckOptions } from '../checker.js';
import type { Finding } from '../types.js';
import type { CorpusBackend } from './backend.js';
import type { PassageCache } from './passage-cache.js';

/** Rounds of asking: a round's answers can lead a check to new queries (a cited source, a search elsewhere). */
const MAX_ROUNDS = 6;
/** After the corpus could not be reached, checks use what is cached for this long before trying again. */
export const RETRY_AFTER_MS = 10_000;

export interface CorpusCheckEvents {
  /** The corpus could not be reached (once per outage), or came back. */
  onConnection?(state: 'unreachable' | 'restored', message: string): void;
  /** A stored row that could not be used. */
  onWarning?(message: string): void;
}

export class CorpusChecker {
  private readonly checker: DraftChecker;
  private unreachableSince: number | undefined;

  constructor(
    readonly cache: PassageCache,
    private readonly backend: CorpusBackend,
    private readonly events: CorpusCheckEvents = {},
  ) {
    // While the corpus cannot be reached, what is checked is remembered as it is, until it is back (`ask`).
    const offline = () => this.unreachableSince !== undefined;
    this.checker = new DraftChecker(cache, {
      get unanswered() {
        return offline() ? 0 : cache.unanswered;
      },
      expect: (stems) => cache.expectTerms(stems),
    });
  }

  async check(text: string, options: CheckOptions = {}): Promise<Finding[]> {
    for (let round = 0; ; round++) {
      const findings = this.checker.check(text, options);
      if (!this.cache.incomplete || round >= MAX_ROUNDS || !(await this.ask())) return findings;
    }
  }

  /** Sends what the cache lacks; false when the corpus cannot be reached (the check goes on with what is here). */
  private async ask(): Promise<boolean> {
    if (this.unreachableSince !== undefined && Date.now() - this.unreachableSince < RETRY_AFTER_MS) {
      this.cache.discardPending();
      return false;
    }
    try {
      await this.cache.fill(this.backend, (message) => this.events.onWarning?.(message));
    } catch (error) {
      this.cache.discardPending();
      if (this.unreachableSince === undefined) {
        this.events.onConnection?.(
          'unreachable',
          `team corpus ${this.backend.label} cannot be reached (${describe(error)}); checking against the local sources only`,
        );
      }
      this.unreachableSince = Date.now();
      // What is checked meanwhile lacks the corpus's passages: check again once it is back.
      this.cache.invalidate();
      return false;
    }
    if (this.unreachableSince !== undefined) {
      this.unreachableSince = undefined;
      this.cache.invalidate();
      this.events.onConnection?.('restored', `team corpus ${this.backend.label} is reachable again`);
    }
    return true;
  }
}

function describe(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  return [code, message].filter(Boolean).join(': ') || String(error);
}
