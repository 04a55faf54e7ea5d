// What the report view asks the language server for, and what its webview and the extension tell each other.
import type { DraftOutline } from '../../core/report/outline.js';
import type { Finding, Range } from '../../core/types.js';
import type { SourceSummary, ReportCounts } from './model.js';

/**
 * Client -> server: a draft's latest results for the report (the findings its diagnostics show, evidence widened to
 * whole source sentences), the text they were computed on with its sections, and every source in the index. No check
 * is run.
 */
export const REPORT_DATA_REQUEST = 'groundwork/reportData';
export interface ReportDataParams {
  uri: string;
}
export type ReportDataResult = {
  path: string;
  text: string;
  version: number;
  findings: Finding[];
  outline: DraftOutline;
  sources: SourceSummary[];
} | null;

/** Webview -> extension. `rendered` lists the rows as shown after each render or filter change. */
export type ReportViewMessage =
  | { type: 'reveal'; range: Range }
  | { type: 'openSource'; source: string; range: Range }
  | { type: 'rendered'; rows: RenderedRow[]; counts: ReportCounts };

export interface RenderedRow {
  verdict: Finding['verdict'];
  codes: string[];
  text: string;
  marked: string[];
  hidden: boolean;
}
