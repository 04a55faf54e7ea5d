// Where the editor opens a source: a file, or for a team corpus's document (which has no file on the writer's
// machine) a `groundwork-team:` URI whose text the VS Code client asks the server for (groundwork/teamSource).
import { pathToFileURL } from 'node:url';
import { TEAM_PREFIX } from '../core/corpus/origin.js';
import { TEAM_SOURCE_SCHEME } from '../shared/protocol.js';

export function sourceUri(path: string): string {
  if (!path.startsWith(TEAM_PREFIX)) return pathToFileURL(path).href;
  const stored = path.slice(TEAM_PREFIX.length).split('/').map(encodeURIComponent).join('/');
  return `${TEAM_SOURCE_SCHEME}:${stored}`;
}

/** The `team:` path of a `groundwork-team:` URI; undefined for any other URI. */
export function teamSourcePath(uri: string): string | undefined {
  if (!uri.startsWith(`${TEAM_SOURCE_SCHEME}:`)) return undefined;
  const stored = uri.slice(TEAM_SOURCE_SCHEME.length + 1);
  try {
    return TEAM_PREFIX + stored.split('/').map(decodeURIComponent).join('/');
  } catch {
    return undefined; // not percent-encoded as sourceUri writes it
  }
}
