// What the writer is told about the team corpora: one log line per change of a corpus's state, and for a problem
// (unreachable, or a connection string refused) one warning message, never one per check; and for the client's status
// bar, the list of the corpora that cannot be used now, sent whenever it changes.
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node.js';
import { CORPUS_PROBLEMS_NOTIFICATION, type CorpusProblem, type TeamCorpusInfo } from '../shared/protocol.js';
import { CORPUS_PASSWORD_COMMAND_TITLE } from '../shared/settings-schema.js';

export class CorpusProblems {
  /** By connection string. */
  private readonly problems = new Map<string, CorpusProblem>();

  constructor(private readonly connection: Connection) {}

  report(corpus: TeamCorpusInfo, state: 'reachable' | CorpusProblem['state'], problem: string): void {
    // The server asked for a password it was not given, or refused the one it was.
    const message =
      state === 'unreachable' && /\bpassword\b/i.test(problem)
        ? `${problem}; give its password with “${CORPUS_PASSWORD_COMMAND_TITLE}”`
        : problem;
    if (state === 'reachable') {
      this.connection.console.info(message);
      this.forget((url) => url !== corpus.url);
      return;
    }
    this.connection.console.warn(message);
    // A notification, not a request: nothing waits on the writer, and a client without message boxes is fine.
    void this.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message: `Groundwork: ${message}`,
    });
    this.problems.set(corpus.url, { label: corpus.label, state, message });
    this.send();
  }

  /** Drops the problems of the corpora `keep` turns down (gone from the settings, or connected afresh). */
  forget(keep: (url: string) => boolean): void {
    const before = this.problems.size;
    for (const url of [...this.problems.keys()]) if (!keep(url)) this.problems.delete(url);
    if (this.problems.size !== before) this.send();
  }

  private send(): void {
    void this.connection.sendNotification(CORPUS_PROBLEMS_NOTIFICATION, { problems: [...this.problems.values()] });
  }
}
