// How a source is named to the writer: its title when it has one, else its file name.
import { basename } from 'node:path';
import type { Evidence } from '../core/types.js';

export function describeSource(evidence: Pick<Evidence, 'source' | 'title' | 'date' | 'range'>): string {
  const name = evidence.title ? `${evidence.title} (${basename(evidence.source)})` : basename(evidence.source);
  const date = evidence.date ? `, ${evidence.date}` : '';
  return `${name}${date}, line ${evidence.range.start.line + 1}`;
}
