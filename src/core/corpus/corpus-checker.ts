// Checking a draft against a team corpus: the queries of the sentences that changed since the last check are
// gathered first (a throwaway check of those sentences against the passage cache notes what it lacks), sent in
// one batch per round, and only then is the draft checked, locally and exactly as against the in-memory index.
// A typing edit sends only its sentence's queries; the unchanged sentences keep their cached results. (A sentence
// checked alone asks what it asks in its draft: its queries depend on its own words, quotations and citations.)
import { DraftChecker, type CheckOptions } from '../checker.js';
import { updateSentenceUnits, type DraftUnits } from '../draft/units.js';
import type { Finding } from '../types.js';
import type { CorpusBackend } from './backend.js';
import type { PassageCache } from './passage-cache.js';

/** Rounds of asking: a round's answers can lead a check to new queries (a cited source, a search elsewhere). */
const MAX_ROUNDS = 6;
/** After the corpus could not be reached, checks use what is cached for this long before trying again. */
export const RETRY_AFTER_MS = 10_000;
const REMEMBERED_DRAFTS = 32;

export interface CorpusCheckEvents {
  /** The corpus could not be reached (once per outage), or came back. */
  onConnection?(state: 'unreachable' | 'restored', message: string): void;
  /** A stored row that could not be used. */
  onWarning?(message: string): void;
}

export class CorpusChecker {
  private checker: DraftChecker;
  /** Per draft, its last version's units and the sentences checked in it. */
  private readonly drafts = new Map<string, { units: DraftUnits; sentences: Set<string> }>();
  private unreachableSince: number | undefined;

  constructor(
    readonly cache: PassageCache,
    private readonly backend: CorpusBackend,
    private readonly events: CorpusCheckEvents = {},
  ) {
    this.checker = new DraftChecker(cache);
  }

  async check(text: string, options: CheckOptions = {}): Promise<Finding[]> {
    const key = options.documentKey ?? '';
    const previous = this.drafts.get(key);
    const units = updateSentenceUnits(previous?.units, text, options.languageId ?? 'markdown');
    const sentences = units.units.map((unit) => unit.sentence.text);
    const changed = previous ? sentences.filter((sentence) => !previous.sentences.has(sentence)) : sentences;
    let findings: Finding[] | undefined;
    if (!previous) {
      // Everything is new: the probe is the check itself, and its checker (whose every result is complete) is kept.
      findings = await this.probe(text, options, true);
    } else if (changed.length > 0) {
      await this.probe(changed.join('\n\n'), { languageId: 'plaintext' }, false);
    }
    for (let round = 0; findings === undefined; round++) {
      const result = this.checker.check(text, options);
      if (!this.cache.incomplete || round >= MAX_ROUNDS || !(await this.ask())) {
        findings = result;
        break;
      }
      // Some sentence asked for more than the probe foresaw: its result, cached by the checker, is incomplete.
      this.cache.invalidate();
    }
    this.drafts.delete(key);
    this.drafts.set(key, { units, sentences: new Set(sentences) });
    if (this.drafts.size > REMEMBERED_DRAFTS) this.drafts.delete(this.drafts.keys().next().value!);
    return findings;
  }

  /** Checks `text` with fresh checkers until nothing is missing; returns the complete result when `keep`. */
  private async probe(text: string, options: CheckOptions, keep: boolean): Promise<Finding[] | undefined> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const checker = new DraftChecker(this.cache);
      const findings = checker.check(text, options);
      if (!this.cache.incomplete) {
        if (!keep) return undefined;
        this.checker = checker;
        return findings;
      }
      if (!(await this.ask())) return keep ? findings : undefined;
    }
    return undefined;
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
