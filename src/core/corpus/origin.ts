// Where a source document came from, as evidence names it: a team corpus's documents are held under
// `team:<path as stored>`, the local folder's under their file paths.
import { basename } from 'node:path';

export const TEAM_PREFIX = 'team:';

/** A source's short name in a one-line report: its file name, after `team:` for a team corpus's document. */
export function shortSourceName(source: string): string {
  return source.startsWith(TEAM_PREFIX) ? TEAM_PREFIX + basename(source.slice(TEAM_PREFIX.length)) : basename(source);
}
