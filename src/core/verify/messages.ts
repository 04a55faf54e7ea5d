// What a writer reads for each problem: short, concrete, the draft's value against the source's. A number, date or
// name is looked for in the source the claim matches best, not in every source: the message says so.
import type { FindingKind, Problem } from '../types.js';

export function describeProblem(problem: Problem, kind: FindingKind): string {
  const { draft, source } = problem;
  switch (problem.type) {
    case 'number':
      return source
        ? `number ${draft} — the source says ${source}`
        : `number ${draft} — the closest source gives no such number`;
    case 'date':
      return source
        ? `date ${draft} — the source says ${source}`
        : `date ${draft} — the closest source gives no such date`;
    case 'entity':
      if (problem.person) return `role of ${problem.person}: ${draft} — the source says ${source}`;
      return source
        ? `name ${draft} — the source says ${source}`
        : `name ${draft} — the closest source does not mention it`;
    case 'negation':
      return `negation — the source says the opposite: “${source}”`;
    case 'antonym':
      return `“${draft}” — the source says “${source}”`;
    case 'wording':
      return `misquote — source: ‘${source}’; draft: ‘${draft}’`;
    case 'attribution':
      return `attribution — the source has ${source} saying this, not ${draft}`;
    case 'citation':
      if (problem.unknownKey)
        return `citation — no source has the key ‘${draft}’${source ? `; [@${source}] says this` : ''}`;
      return `citation — the cited source [@${draft}] does not say this; [@${source}] does`;
    case 'absent':
      return kind === 'quote' ? 'no source contains these words' : 'no source says this';
  }
}

export function describeProblems(problems: Problem[], kind: FindingKind): string {
  return problems.map((problem) => describeProblem(problem, kind)).join('; ');
}
