// SARIF 2.1.0: one result per flagged finding, the source passage as a related location, so GitHub code
// scanning and other SARIF viewers can show Groundwork's findings on a pull request.
import { pathToFileURL } from 'node:url';
import type { Range } from '../types.js';
import { CODE_DESCRIPTIONS, FINDING_CODES, findingCode, isFlagged } from './codes.js';
import type { DraftReport } from './json.js';
import { pathInside } from './paths.js';

export function sarifReport(files: DraftReport[], baseDirectory: string, version: string) {
  // A relative reference must be percent-encoded like any URI: a '#', '?', '%' or space in a file name would
  // otherwise be read as a fragment, a query, an escape or an invalid URI by SARIF viewers.
  const uri = (path: string) => {
    const inside = pathInside(path, baseDirectory);
    return inside === undefined ? pathToFileURL(path).href : inside.split('/').map(encodeURIComponent).join('/');
  };
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Groundwork',
            version,
            informationUri: 'https://github.com/groundwork/groundwork',
            rules: FINDING_CODES.map((id) => ({ id, shortDescription: { text: CODE_DESCRIPTIONS[id] } })),
          },
        },
        results: files.flatMap((file) =>
          file.findings.filter(isFlagged).map((finding) => ({
            ruleId: findingCode(finding),
            ruleIndex: FINDING_CODES.indexOf(findingCode(finding)),
            level: finding.verdict === 'contradicted' ? 'error' : 'warning',
            message: { text: finding.message },
            locations: [
              { physicalLocation: { artifactLocation: { uri: uri(file.path) }, region: region(finding.range) } },
            ],
            relatedLocations: finding.evidence.slice(0, 1).map((evidence, id) => ({
              id,
              message: { text: `source passage: ${evidence.text.slice(0, 300)}` },
              physicalLocation: { artifactLocation: { uri: uri(evidence.source) }, region: region(evidence.range) },
            })),
            properties: { verdict: finding.verdict, kind: finding.kind, score: finding.score },
          })),
        ),
      },
    ],
  };
}

/** SARIF regions are 1-based; LSP ranges are 0-based. */
function region(range: Range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}
