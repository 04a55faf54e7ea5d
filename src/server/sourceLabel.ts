// How a source is named to the writer: its title when it has one, else its file name (`team:` before it for a team
// corpus's document, as the CLI names it).
import { shortSourceName } from '../core/corpus/origin.js';
import type { Evidence } from '../core/types.js';

export function describeSource(evidence: Pick<Evidence, 'source' | 'title' | 'date' | 'range'>): string {
  const file = shortSourceName(evidence.source);
  const name = evidence.title ? `${evidence.title} (${file})` : file;
  const date = evidence.date ? `, ${evidence.date}` : '';
  return `${name}${date}, line ${evidence.range.start.line + 1}`;
}
