// The messages the VS Code client and the Groundwork language server exchange beyond standard LSP.
// Each is a typed message type, so a sender and a handler that disagree on the params or the result do not compile.
// Message types and plain types only, so the client bundle can import them without pulling in the server.
import { NotificationType, NotificationType0, RequestType, RequestType0 } from 'vscode-jsonrpc';
import type { Finding, Range } from '../core/types.js';

export const DIAGNOSTIC_SOURCE = 'Groundwork';

/** One code per kind of problem (shared with the CLI's reports): severities and the docs are keyed by it. */
export { FINDING_CODES as DIAGNOSTIC_CODES, type FindingCode as DiagnosticCode } from '../core/report/codes.js';

export interface VerdictCounts {
  supported: number;
  contradicted: number;
  unsupported: number;
}

/** Server -> client: indexing progress and totals, for the status bar and the progress notification. */
export const STATUS_NOTIFICATION = new NotificationType<StatusParams>('groundwork/status');
export interface StatusParams {
  state: 'indexing' | 'ready';
  /** Source files indexed so far / to index (while indexing) or in the index (when ready). */
  indexed: number;
  total: number;
  /** The file being indexed, for the progress message. */
  current?: string;
  warnings: string[];
}

/** Server -> client: verdict counts of one checked draft, for the status bar. */
export const DOCUMENT_SUMMARY_NOTIFICATION = new NotificationType<DocumentSummaryParams>('groundwork/documentSummary');
export interface DocumentSummaryParams {
  uri: string;
  version: number | null;
  counts: VerdictCounts;
}

/** Client -> server: stop an index build that is running (the rest of the sources are left out until a rebuild). */
export const CANCEL_INDEXING_NOTIFICATION = new NotificationType0('groundwork/cancelIndexing');

/** Client -> server: live checking on or off (off: drafts are checked only by command). */
export const SET_LIVE_CHECKING_NOTIFICATION = new NotificationType<SetLiveCheckingParams>('groundwork/setLiveChecking');
export interface SetLiveCheckingParams {
  enabled: boolean;
}

/** Check one open draft now, whatever the check frequency: its verdict counts, or null when it is not a draft. */
export const CHECK_DOCUMENT_REQUEST = new RequestType<CheckDocumentParams, VerdictCounts | null, void>(
  'groundwork/checkDocument',
);
export interface CheckDocumentParams {
  uri: string;
}

/** Check every draft in the workspace (reading closed files from disk) and publish their diagnostics. */
export const CHECK_WORKSPACE_REQUEST = new RequestType0<CheckWorkspaceResult, void>('groundwork/checkWorkspace');
export interface CheckWorkspaceResult {
  files: number;
  counts: VerdictCounts;
}

/** Re-read every source (unchanged files from the cache); resolves when the new index is in use. */
export const REBUILD_INDEX_REQUEST = new RequestType0<RebuildIndexResult, void>('groundwork/rebuildIndex');
export interface RebuildIndexResult {
  documents: number;
  warnings: string[];
}

/** The findings of drafts (all checked drafts when `uris` is absent), for reports. */
export const FINDINGS_REQUEST = new RequestType<FindingsParams, FindingsResult, void>('groundwork/findings');
export interface FindingsParams {
  uris?: string[];
}
export interface FindingsResult {
  files: { path: string; uri: string; findings: Finding[] }[];
}

/** The finding at a position (the smallest checked span that holds it), with its evidence. */
export const FINDING_AT_REQUEST = new RequestType<FindingAtParams, FindingAtResult, void>('groundwork/findingAt');
export interface FindingAtParams {
  uri: string;
  position: { line: number; character: number };
}
export type FindingAtResult = (Finding & { evidenceUris: string[] }) | null;

/** What a diagnostic carries in `data`, so hovers and quick fixes need no recomputation. */
export interface DiagnosticData {
  fingerprint: string;
  kind: Finding['kind'];
  verdict: Finding['verdict'];
  problem?: Finding['problems'][number];
  /** The checked span in the draft. */
  span: Finding['span'];
  evidence: Finding['evidence'];
}

/** Client command that opens a source file and selects a passage: arguments [uri, range]. */
export const OPEN_SOURCE_COMMAND = 'groundwork.openSource';
export type OpenSourceArguments = [uri: string, range: Range];

/** Server command behind the "ignore this finding" quick fix: arguments [draft uri, fingerprint, label]. */
export const IGNORE_FINDING_COMMAND = 'groundwork.ignoreFinding';

/** The team corpora the workspace's drafts are checked against (from the settings and `.groundwork.json`). */
export const TEAM_CORPORA_REQUEST = new RequestType0<TeamCorpusInfo[], void>('groundwork/teamCorpora');
export interface TeamCorpusInfo {
  /** The connection string as configured (it holds no password). */
  url: string;
  /** Host and database, as messages name the corpus. */
  label: string;
}

/**
 * Server -> client: the password the user stored for exactly this connection string, or null. Asked only of a client
 * that keeps them (`corpusPasswords` in its initialization options); never sent in settings.
 */
export const CORPUS_PASSWORD_REQUEST = new RequestType<CorpusPasswordParams, string | null, void>(
  'groundwork/corpusPassword',
);
export interface CorpusPasswordParams {
  url: string;
}

/** Client -> server: the user stored a new password for this connection string: connect with it. */
export const CORPUS_PASSWORD_CHANGED_NOTIFICATION = new NotificationType<CorpusPasswordParams>(
  'groundwork/corpusPasswordChanged',
);

/** Server -> client, whenever it changes: the team corpora that cannot be used now, and why (for the status bar). */
export const CORPUS_PROBLEMS_NOTIFICATION = new NotificationType<CorpusProblemsParams>('groundwork/corpusProblems');
export interface CorpusProblemsParams {
  problems: CorpusProblem[];
}
export interface CorpusProblem {
  label: string;
  /** The server cannot be reached (the drafts are checked without it), or the connection string was refused. */
  state: 'unreachable' | 'refused';
  message: string;
}

/** The scheme of a team corpus document's URI (it has no file on the writer's machine). */
export const TEAM_SOURCE_SCHEME = 'groundwork-team';

/** The text of a team corpus document the server holds (the evidence of a check), by its `groundwork-team:` URI. */
export const TEAM_SOURCE_REQUEST = new RequestType<TeamSourceParams, string | null, void>('groundwork/teamSource');
export interface TeamSourceParams {
  uri: string;
}
