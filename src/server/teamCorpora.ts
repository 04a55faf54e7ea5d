// The team corpora the workspace's drafts are checked against, one connection pool each, opened and closed as the
// settings and `.groundwork.json` files name them. A connection string that cannot be used (a password in it, or
// not postgresql://) is refused with one warning while it stays configured, and its drafts are checked against the
// local sources alone.
import { parse } from 'pg-connection-string';
import { corpusLabel, CorpusUrlError, validateCorpusUrl } from '../corpus/postgres/connection.js';
import type { TeamCorpusInfo } from '../shared/protocol.js';
import { CORPUS_PASSWORD_COMMAND_TITLE } from '../shared/settings-schema.js';
import { TeamCorpus, type TeamCorpusEvents } from './teamCorpus.js';

export interface TeamCorporaOptions {
  /** The password `url` may be given (see corpusPassword.ts). */
  password(url: string): Promise<string | undefined>;
  events(corpus: TeamCorpusInfo): TeamCorpusEvents;
  /** A configured connection string is not used, and why: once while it stays configured. */
  onRefused(corpus: TeamCorpusInfo, message: string): void;
}

export class TeamCorpora {
  private readonly open = new Map<string, TeamCorpus>();
  private refused = new Set<string>();
  /** Changes one at a time: a password asked for while another change runs must not open a corpus twice. */
  private changing: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: TeamCorporaOptions) {}

  get(url: string): TeamCorpus | undefined {
    return this.open.get(url);
  }

  list(): TeamCorpusInfo[] {
    return [...this.open.values()].map(({ url, label }) => ({ url, label }));
  }

  /** Opens the corpora `urls` names ('' names none) and closes the others; resolves to whether any changed. */
  use(urls: Iterable<string>): Promise<boolean> {
    const wanted = new Set([...urls].filter((url) => url !== ''));
    return this.change(async () => {
      let changed = false;
      for (const [url, corpus] of this.open) {
        if (wanted.has(url)) continue;
        this.open.delete(url);
        void corpus.close().catch(() => undefined);
        changed = true;
      }
      const refused = new Set<string>();
      for (const url of wanted) {
        if (this.open.has(url)) continue;
        const problem = urlProblem(url);
        if (problem !== undefined) {
          if (!this.refused.has(url)) this.options.onRefused({ url, label: labelOf(url) }, problem);
          refused.add(url);
          continue;
        }
        await this.connect(url);
        changed = true;
      }
      this.refused = refused;
      return changed;
    });
  }

  /** Connects to `url` again, with the password it may be given now; false when it is not open. */
  reconnect(url: string): Promise<boolean> {
    return this.change(async () => {
      const corpus = this.open.get(url);
      if (!corpus) return false;
      void corpus.close().catch(() => undefined);
      await this.connect(url);
      return true;
    });
  }

  async closeAll(): Promise<void> {
    await this.change(async () => {
      const closing = [...this.open.values()].map((corpus) => corpus.close().catch(() => undefined));
      this.open.clear();
      await Promise.all(closing);
    });
  }

  private async connect(url: string): Promise<void> {
    const password = await this.options.password(url);
    const info = { url, label: labelOf(url) };
    this.open.set(url, new TeamCorpus(url, password, this.options.events(info)));
  }

  private change<T>(work: () => Promise<T>): Promise<T> {
    const run = this.changing.then(work);
    this.changing = run.catch(() => undefined);
    return run;
  }
}

/** Why `url` cannot be used, or undefined. */
function urlProblem(url: string): string | undefined {
  try {
    validateCorpusUrl(url);
    return undefined;
  } catch (error) {
    if (!(error instanceof CorpusUrlError)) throw error;
    if (!hasPassword(url)) return error.message;
    return `the team corpus connection string names a password, so it is not used: remove the password from it (and change the password, if the settings are shared), and give it with “${CORPUS_PASSWORD_COMMAND_TITLE}”, PGPASSWORD or a PGPASSFILE (~/.pgpass)`;
  }
}

function hasPassword(url: string): boolean {
  try {
    return Boolean(parse(url).password);
  } catch {
    return false;
  }
}

function labelOf(url: string): string {
  try {
    return corpusLabel(url);
  } catch {
    return 'the team corpus';
  }
}
