// Support probabilities. A claim's score combines how much of it the sources contain with its typed
// problems; weights live in one place so that fitting them on a benchmark's dev split changes nothing else.
import type { Problem } from '../types.js';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function claimScore(coverage: number, anchorCoverage: number, problems: Problem[]): number {
  const contradictions = problems.filter((p) => p.type !== 'absent' && p.source !== '').length;
  const absences = problems.filter((p) => p.type === 'absent' || p.source === '').length;
  return sigmoid(1.5 + 5 * (coverage - 0.55) + 2 * (anchorCoverage - 0.5) - 3 * contradictions - 2 * absences);
}

export function quoteScore(similarity: number, problems: Problem[]): number {
  if (problems.length === 0) return 0.97;
  return sigmoid(4 * (similarity - 0.5) - 2.5 * problems.length);
}
