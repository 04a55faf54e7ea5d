// `groundwork check --format html`: the report view as one self-contained page (for a CI artifact or an email).
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { LanguageId } from '../core/draft/units.js';
import type { SourceLibrary } from '../core/library.js';
import { draftOutline } from '../core/report/outline.js';
import { displayPath } from '../core/report/paths.js';
import type { Finding } from '../core/types.js';
import { findingsInContext } from '../server/reportData.js';
import { renderReportHtml } from '../shared/report/html.js';
import { buildReportModel } from '../shared/report/model.js';

export interface CheckedDraftFile {
  path: string;
  text: string;
  languageId: LanguageId;
  findings: Finding[];
}

export function htmlReport(
  drafts: readonly CheckedDraftFile[],
  library: SourceLibrary,
  baseDirectory: string,
  generatedAt: Date,
): string {
  const sources = library.headers().map(({ path, metadata }) => ({ path, title: metadata.title, date: metadata.date }));
  const models = drafts.map((draft) =>
    buildReportModel({
      ...draft,
      findings: findingsInContext(draft.findings, library),
      outline: draftOutline(draft.text, draft.languageId, draft.findings),
      path: displayPath(draft.path, baseDirectory),
      sources,
      displayPath: (path) => displayPath(path, baseDirectory),
    }),
  );
  return renderReportHtml(models, {
    nonce: randomBytes(16).toString('base64'),
    sourceHref: (path) => pathToFileURL(path).href,
    generatedAt,
  });
}
