// The Groundwork language server: owns the source index and the checks so the editor never waits on them.
// The same server runs inside VS Code (IPC) and standalone as `groundwork lsp --stdio` for other editors.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MarkupKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultCacheDir } from '../core/cache/store.js';
import type { Finding, Range } from '../core/types.js';
import { citationKeyAt, citationPrefixAt } from './citations.js';
import { codeActions } from './codeActions.js';
import { findingsToDiagnostics } from './diagnostics.js';
import { languageOfPath, listDraftFiles } from './draftFiles.js';
import { checkOptions, countVerdicts, DraftResults, findingAt, type CheckedDraft } from './draftResults.js';
import { widenToSentences } from './evidenceContext.js';
import { renderFindingHover } from './hover.js';
import { escapeMarkdown } from '../shared/markdownText.js';
import { fixCheck } from './fixCheck.js';
import { addIgnoredFinding, PROJECT_FILE, readProjectFile } from './projectFile.js';
import {
  CANCEL_INDEXING_NOTIFICATION,
  CHECK_DOCUMENT_REQUEST,
  CHECK_WORKSPACE_REQUEST,
  CORPUS_PASSWORD_CHANGED_NOTIFICATION,
  CORPUS_PASSWORD_REQUEST,
  DOCUMENT_SUMMARY_NOTIFICATION,
  FINDING_AT_REQUEST,
  FINDINGS_REQUEST,
  IGNORE_FINDING_COMMAND,
  OPEN_SOURCE_COMMAND,
  REBUILD_INDEX_REQUEST,
  SET_LIVE_CHECKING_NOTIFICATION,
  STATUS_NOTIFICATION,
  TEAM_CORPORA_REQUEST,
  TEAM_SOURCE_REQUEST,
  type CheckDocumentParams,
  type CheckWorkspaceResult,
  type FindingAtParams,
  type FindingAtResult,
  type FindingsParams,
  type FindingsResult,
  type RebuildIndexResult,
  type SetLiveCheckingParams,
  type StatusParams,
  type TeamCorpusInfo,
  type TeamSourceParams,
  type VerdictCounts,
} from '../shared/protocol.js';
import { describeError, guardConnection } from './guardedConnection.js';
import { CheckScheduler, type CheckRun } from './scheduler.js';
import { DEFAULT_SETTINGS, readSettings, type GroundworkSettings } from './settings.js';
import { SourceIndex } from './sourceIndex.js';
import { tooLargeDiagnostic } from './tooLarge.js';
import { reportData } from './reportData.js';
import { REPORT_DATA_REQUEST, type ReportDataParams, type ReportDataResult } from '../shared/report/protocol.js';
import { OUTSIDE_WORKSPACE_HINT, workspaceSourceInputs } from './sourceInputs.js';
import type { Confinement } from '../core/sources/confine.js';
import { TypingHold } from './typingHold.js';
import type { SourceLibrary } from '../core/library.js';
import { corpusPassword, takeEnvironmentPassword } from './corpusPassword.js';
import { CorpusProblems } from './corpusProblems.js';
import type { TeamCorpus, TeamCorpusEvents } from './teamCorpus.js';
import { TeamCorpora } from './teamCorpora.js';
import { sourceUri, teamSourcePath } from './sourceUri.js';
import { folderSettings, WorkspaceSettings } from './workspaceSettings.js';

/** What the VS Code client tells the server it does itself. */
interface ClientOptions {
  /** The client shows indexing progress from `groundwork/status` (a cancellable notification). */
  showsIndexProgress?: boolean;
  /** Folder for the persisted index (the extension's storage); other editors get `.groundwork-cache/`. */
  cacheDir?: string;
  /** The editor shows the diagnostics under the cursor in the hover (VS Code): the hover need not repeat them. */
  showsDiagnosticsInHover?: boolean;
  /** The client has the `groundwork.openSource` command (hover links use it; other editors get file links). */
  openSourceCommand?: boolean;
  /** The client keeps team corpus passwords and answers `groundwork/corpusPassword`. */
  corpusPasswords?: boolean;
}

/** A draft's or a source's URI (a team corpus's documents have `groundwork-team:` ones). */
const uriOfPath = sourceUri;
const pathOfUri = (uri: string) => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined);
/** Other editors name the languages differently (Neovim: `text`). */
const LANGUAGE_ALIASES: Record<string, string> = { text: 'plaintext', txt: 'plaintext', md: 'markdown' };
const languageOf = (document: TextDocument) => LANGUAGE_ALIASES[document.languageId] ?? document.languageId;
const tick = () => new Promise<void>((done) => setImmediate(done));

export function startLanguageServer(): void {
  new GroundworkServer(guardConnection(createConnection(ProposedFeatures.all))).listen();
}

class GroundworkServer {
  private readonly documents: TextDocuments<TextDocument>;
  private readonly sources = new SourceIndex();
  private readonly results = new DraftResults();
  private readonly scheduler = new CheckScheduler(
    (uri, run) => this.checkOpenDocument(uri, run),
    () => this.settings.debounceMs,
    (uri, error) => this.connection.console.error(`check of ${uri} failed: ${describeError(error)}`),
  );
  private readonly hold = new TypingHold(() => this.settings.typingHoldMs);
  private readonly releaseTimers = new Map<string, NodeJS.Timeout>();
  private readonly opening = new Set<string>();
  private folders: string[] = [];
  /** The settings not tied to a folder: the typing pauses, and drafts outside every workspace folder. */
  private settings: GroundworkSettings = DEFAULT_SETTINGS;
  private workspace = new WorkspaceSettings([], DEFAULT_SETTINGS);
  private sourceInputs: string[] = [];
  private sourceConfine?: Confinement;
  private clientOptions: ClientOptions = {};
  private canPullConfiguration = false;
  private canWatchFiles = false;
  private canRegisterConfiguration = false;
  private canReportProgress = false;
  private live = true;
  private indexing: Promise<void> | undefined;
  private indexAbort = new AbortController();
  private status: StatusParams = { state: 'indexing', indexed: 0, total: 0, warnings: [] };
  /** Taken before any connection is made: node-postgres would send it to whatever server a workspace names. */
  private readonly environmentPassword = takeEnvironmentPassword();
  /** The team corpora the user's own editor settings name: those the environment's password may go to. */
  private namedCorpora = new Set<string>();
  private readonly corpusProblems: CorpusProblems;
  private readonly corpora = new TeamCorpora({
    password: (url) =>
      corpusPassword(url, {
        stored: (stored) => this.storedPassword(stored),
        environment: this.environmentPassword,
        named: this.namedCorpora,
      }),
    events: (corpus) => this.corpusEvents(corpus),
    onRefused: (corpus, message) => this.corpusProblems.report(corpus, 'refused', message),
  });

  constructor(private readonly connection: Connection) {
    this.corpusProblems = new CorpusProblems(connection);
    this.documents = new TextDocuments({
      create: TextDocument.create,
      update: (document, changes, version) => {
        this.noteEdit(document, changes);
        return TextDocument.update(document, changes, version);
      },
    });
  }

  listen(): void {
    const { connection, documents } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => this.start());
    // The guarded connection catches and logs what these return, rejected promises included.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    connection.onDidChangeConfiguration(() => this.reloadConfiguration());
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    connection.onDidChangeWatchedFiles(({ changes }) => this.filesChanged(changes));
    documents.onDidOpen(({ document }) => {
      this.opening.add(document.uri);
      this.documentOpened(document);
    });
    documents.onDidChangeContent(({ document }) => {
      // TextDocuments reports an open as a content change too; the open was scheduled above without the debounce.
      if (this.opening.delete(document.uri) || this.refuseTooLarge(document)) return;
      if (this.isDraft(document) && this.live && this.settingsOf(document.uri).checkFrequency === 'edit')
        this.scheduler.schedule(document.uri);
    });
    documents.onDidSave(({ document }) => {
      if (this.isDraft(document) && this.live && this.settingsOf(document.uri).checkFrequency !== 'manual')
        this.scheduler.schedule(document.uri, 0);
    });
    documents.onDidClose(({ document }) => this.documentClosed(document.uri));
    connection.onHover(({ textDocument, position }) => this.hover(textDocument.uri, position));
    connection.onCompletion(({ textDocument, position }) => this.completeCitation(textDocument.uri, position));
    connection.onDefinition(({ textDocument, position }) => this.citationDefinition(textDocument.uri, position));
    connection.onCodeAction(async ({ textDocument, range, context }) => {
      const document = this.documents.get(textDocument.uri);
      if (!document) return [];
      const checked = await this.freshResult(document);
      return codeActions({
        uri: document.uri,
        text: document.getText(),
        languageId: languageOf(document),
        diagnostics: context.diagnostics,
        finding: checked && findingAt(checked.findings, document.offsetAt(range.start)),
        rangeOf: (span) => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) }),
        fixHolds:
          checked &&
          fixCheck(
            (text) => this.results.tryText(checked.library, document.uri, languageOf(document), text),
            checked.findings,
          ),
      });
    });
    connection.onExecuteCommand(({ command, arguments: args }) => {
      if (command === IGNORE_FINDING_COMMAND && args)
        this.ignoreFinding(String(args[0]), String(args[1]), String(args[2] ?? ''));
    });
    connection.onRequest(CHECK_DOCUMENT_REQUEST, (params: CheckDocumentParams) => this.checkDocumentNow(params.uri));
    connection.onRequest(CHECK_WORKSPACE_REQUEST, () => this.checkWorkspace());
    connection.onRequest(REBUILD_INDEX_REQUEST, () => this.rebuildIndex());
    connection.onRequest(FINDINGS_REQUEST, (params: FindingsParams) => this.findings(params));
    connection.onRequest(FINDING_AT_REQUEST, (params: FindingAtParams) => this.findingAtPosition(params));
    connection.onRequest(REPORT_DATA_REQUEST, (params: ReportDataParams) => this.reportData(params));
    connection.onNotification(CANCEL_INDEXING_NOTIFICATION, () => this.indexAbort.abort());
    connection.onNotification(SET_LIVE_CHECKING_NOTIFICATION, (params: SetLiveCheckingParams) => {
      this.live = params.enabled;
      if (this.live) this.recheckOpenDrafts();
    });
    connection.onRequest(TEAM_CORPORA_REQUEST, () => this.corpora.list());
    connection.onRequest(TEAM_SOURCE_REQUEST, ({ uri }: TeamSourceParams) => this.teamSourceText(uri));
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    connection.onNotification(CORPUS_PASSWORD_CHANGED_NOTIFICATION, async ({ url }) => {
      if (!(await this.corpora.reconnect(url))) return;
      // A fresh connection: whether it works is for its first check to say.
      this.corpusProblems.forget((problem) => problem !== url);
      this.recheckOpenDrafts();
    });
    connection.onShutdown(() => {
      this.scheduler.dispose();
      return this.corpora.closeAll();
    });
    documents.listen(connection);
    connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const capabilities = params.capabilities;
    this.canPullConfiguration = capabilities.workspace?.configuration === true;
    this.canWatchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.canRegisterConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    this.canReportProgress = capabilities.window?.workDoneProgress === true;
    this.clientOptions = (params.initializationOptions ?? {}) as ClientOptions;
    this.settings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = folders.map(pathOfUri).filter((path): path is string => path !== undefined);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['@'] },
        definitionProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: [IGNORE_FINDING_COMMAND] },
      },
      serverInfo: { name: 'groundwork' },
    };
  }

  private start(): void {
    // A client that turns a registration down still gets checks; it just does not see changes on disk.
    const registrationFailed = (error: Error) => this.connection.console.warn(`registration refused: ${error.message}`);
    if (this.canRegisterConfiguration) {
      this.connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'groundwork' })
        .catch(registrationFailed);
    }
    if (this.canWatchFiles) {
      this.connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.{md,markdown,txt}' }, { globPattern: `**/${PROJECT_FILE}` }],
        })
        .catch(registrationFailed);
    }
    // Set before the first await: a draft opened from now on waits for the configuration and the index.
    this.indexing = this.loadConfiguration().then(
      () => undefined,
      (error: Error) =>
        this.connection.console.error(`settings could not be read (${error.message}); using the defaults`),
    );
    void this.rebuildIndex();
  }

  // ---- configuration -------------------------------------------------------------------------------------

  /** Each folder's settings from the client, then its `.groundwork.json`; returns what changed. */
  private async loadConfiguration(): Promise<{ sources: boolean; corpora: boolean }> {
    const folderUris = this.folders.map(uriOfPath);
    // One request: the settings without a folder (typing pauses, drafts outside folders), then each folder's.
    const raw: unknown[] | undefined = this.canPullConfiguration
      ? await this.connection.workspace.getConfiguration([
          { section: 'groundwork' },
          ...folderUris.map((scopeUri) => ({ scopeUri, section: 'groundwork' })),
        ])
      : undefined;
    const general = raw === undefined ? this.settings : readSettings(raw[0]);
    const projects = this.folders.map((folder, index) => {
      const { config, error } = readProjectFile(folder);
      if (error) this.connection.console.error(error);
      return { folder, config, editor: raw === undefined ? general : readSettings(raw[index + 1]) };
    });
    const folders = projects.map(({ folder, config, editor }) => folderSettings(folder, editor, config));
    const workspace = new WorkspaceSettings(folders, folders[0]?.settings ?? general);
    // A project file may name sources only inside its folder; the user's own settings anywhere.
    const perFolder = projects.map(({ folder, config, editor }) => workspaceSourceInputs(editor, [{ folder, config }]));
    const inputs = perFolder.flatMap((folder) => folder.inputs);
    this.sourceConfine = { roots: perFolder.flatMap((folder) => folder.confine.roots), hint: OUTSIDE_WORKSPACE_HINT };
    const changed =
      inputs.join('\n') !== this.sourceInputs.join('\n') ||
      workspace.maxSourceFileSizeKb() !== this.workspace.maxSourceFileSizeKb();
    this.settings = general;
    this.workspace = workspace;
    this.sourceInputs = inputs;
    this.namedCorpora = new Set([general.corpus, ...projects.map(({ editor }) => editor.corpus)]);
    const urls = workspace.corpusUrls();
    const corpora = await this.corpora.use(urls);
    this.corpusProblems.forget((url) => urls.includes(url));
    return { sources: changed, corpora };
  }

  /** The settings of the folder that holds the document. */
  private settingsOf(uri: string): GroundworkSettings {
    return this.workspace.settingsFor(pathOfUri(uri));
  }

  private async reloadConfiguration(): Promise<void> {
    const changed = await this.loadConfiguration();
    if (changed.sources) await this.rebuildIndex();
    else if (changed.corpora) this.recheckOpenDrafts();
    else this.republishAll();
  }

  // ---- team corpora --------------------------------------------------------------------------------------

  /** The password the client stored for exactly `url`, when it keeps them. */
  private async storedPassword(url: string): Promise<string | undefined> {
    if (!this.clientOptions.corpusPasswords) return undefined;
    try {
      return (await this.connection.sendRequest(CORPUS_PASSWORD_REQUEST, { url })) ?? undefined;
    } catch (error) {
      this.connection.console.warn(`the stored team corpus password could not be read: ${describeError(error)}`);
      return undefined;
    }
  }

  private corpusEvents(corpus: TeamCorpusInfo): TeamCorpusEvents {
    return {
      onState: (state, message) => this.corpusProblems.report(corpus, state, message),
      onRecheck: () => this.recheckOpenDrafts((uri) => this.corpusOf(uri)?.url === corpus.url),
      onWarning: (message) => this.connection.console.warn(message),
    };
  }

  /** A team corpus document's text, from the corpus whose checks brought it in (the evidence the writer opens). */
  private teamSourceText(uri: string): string | null {
    const path = teamSourcePath(uri);
    if (path === undefined) return null;
    for (const { url } of this.corpora.list()) {
      const document = this.corpora.get(url)?.libraryFor(this.sources.library).get(path);
      if (document) return document.text;
    }
    return null;
  }

  /** The team corpus the draft's folder checks against, when it names one that could be opened. */
  private corpusOf(uri: string): TeamCorpus | undefined {
    return this.corpora.get(this.settingsOf(uri).corpus);
  }

  /** What a check of the draft would run against: its team corpus's cache (the local sources with it), else those. */
  private libraryOf(uri: string): SourceLibrary {
    return this.corpusOf(uri)?.libraryFor(this.sources.library) ?? this.sources.library;
  }

  // ---- the source index ----------------------------------------------------------------------------------

  private rebuildIndex(): Promise<RebuildIndexResult> {
    const run = async (): Promise<void> => {
      this.indexAbort = new AbortController();
      const started = Date.now();
      const progress =
        this.canReportProgress && !this.clientOptions.showsIndexProgress
          ? await this.connection.window.createWorkDoneProgress().catch(() => undefined)
          : undefined;
      progress?.begin('Groundwork: indexing sources', 0, undefined, true);
      progress?.token.onCancellationRequested(() => this.indexAbort.abort());
      const { warnings, cancelled, reused } = await this.sources
        .build(this.sourceInputs, {
          maxFileBytes: this.workspace.maxSourceFileSizeKb() * 1024,
          confine: this.sourceConfine,
          cacheDir: this.cacheDir(),
          signal: this.indexAbort.signal,
          onWorkerFailure: (error) =>
            this.connection.console.warn(`indexing worker failed (${error.message}); indexing on the server thread`),
          onCacheProblem: (problem) => this.connection.console.warn(problem),
          onProgress: ({ indexed, total, current }) => {
            this.sendStatus({ state: 'indexing', indexed, total, current, warnings: [] });
            progress?.report(total ? Math.round((indexed / total) * 100) : 0, `${indexed}/${total} files`);
          },
        })
        .catch((error: Error) => {
          this.connection.console.error(`indexing failed: ${error.message}`);
          return { warnings: [], cancelled: false, reused: 0 };
        });
      progress?.done();
      const messages = warnings.map((warning) => `${warning.path}: ${warning.message}`);
      for (const message of messages) this.connection.console.warn(`source skipped: ${message}`);
      const count = this.sources.library.size;
      this.connection.console.info(
        `indexed ${count} source files (${reused} from the cache) in ${Date.now() - started} ms${cancelled ? '; cancelled' : ''}`,
      );
      this.sendStatus({ state: 'ready', indexed: count, total: count, warnings: messages });
      this.recheckOpenDrafts();
      // No draft to check yet: warm the checker up now, so opening one later is fast.
      if (!this.documents.all().some((document) => this.isDraft(document)))
        setImmediate(() => this.results.warmUp(this.sources.library));
    };
    // A rebuild asked for while one runs waits for it, then runs with the newest settings. A failed run is
    // logged and leaves the index as it was: checks wait on `indexing`, so it must never reject.
    const previous = this.indexing ?? Promise.resolve();
    const current = previous
      .then(run)
      .catch((error: unknown) => this.connection.console.error(`indexing failed: ${describeError(error)}`));
    this.indexing = current;
    return current.then(() => ({ documents: this.sources.library.size, warnings: this.status.warnings }));
  }

  private async filesChanged(changes: { uri: string; type: FileChangeType }[]): Promise<void> {
    let sourcesChanged = false;
    for (const change of changes) {
      const path = pathOfUri(change.uri);
      if (!path) continue;
      if (path.endsWith(PROJECT_FILE)) {
        await this.reloadConfiguration();
        continue;
      }
      if (!this.sources.isSource(path)) continue;
      await this.indexing;
      const warning = await this.sources.refresh(path, change.type === FileChangeType.Deleted ? 'deleted' : 'changed');
      if (warning) this.connection.console.warn(`source skipped: ${warning.path}: ${warning.message}`);
      this.connection.console.info(
        `source ${change.type === FileChangeType.Deleted ? 'removed' : 're-indexed'}: ${path}`,
      );
      sourcesChanged = true;
    }
    if (sourcesChanged) {
      const count = this.sources.library.size;
      this.sendStatus({ ...this.status, state: 'ready', indexed: count, total: count });
      this.recheckOpenDrafts();
    }
  }

  private cacheDir(): string | undefined {
    return this.clientOptions.cacheDir ?? (this.folders[0] ? defaultCacheDir(this.folders[0]) : undefined);
  }

  private sendStatus(status: StatusParams): void {
    this.status = status;
    void this.connection.sendNotification(STATUS_NOTIFICATION, status);
  }

  // ---- checking drafts -----------------------------------------------------------------------------------

  private isDraft(document: TextDocument): boolean {
    const path = pathOfUri(document.uri);
    if (path && this.sources.isSource(path)) return false;
    const settings = this.settingsOf(document.uri);
    return (
      settings.languages.includes(languageOf(document)) && document.getText().length <= settings.maxFileSizeKb * 1024
    );
  }

  private documentOpened(document: TextDocument): void {
    if (this.refuseTooLarge(document)) return;
    if (this.isDraft(document) && this.live && this.settingsOf(document.uri).checkFrequency !== 'manual')
      this.scheduler.schedule(document.uri, 0);
  }

  /** A draft but for its size: its old results are dropped and it says why it is not checked. */
  private refuseTooLarge(document: TextDocument): boolean {
    const path = pathOfUri(document.uri);
    const { maxFileSizeKb: limitKb, languages } = this.settingsOf(document.uri);
    if (document.getText().length <= limitKb * 1024 || !languages.includes(languageOf(document))) return false;
    if (path && this.sources.isSource(path)) return false;
    this.scheduler.cancel(document.uri);
    this.hold.forget(document.uri);
    this.results.delete(document.uri);
    void this.connection.sendDiagnostics({
      uri: document.uri,
      version: document.version,
      diagnostics: [tooLargeDiagnostic(document.getText().length, limitKb)],
    });
    return true;
  }

  private documentClosed(uri: string): void {
    this.scheduler.cancel(uri);
    this.hold.forget(uri);
    clearTimeout(this.releaseTimers.get(uri));
    this.results.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private recheckOpenDrafts(only: (uri: string) => boolean = () => true): void {
    for (const document of this.documents.all()) {
      if (this.isDraft(document) && (this.live || this.results.get(document.uri)) && only(document.uri))
        this.scheduler.schedule(document.uri, 0);
    }
  }

  /** Checks a draft's text, against its folder's team corpus and the local sources, or the local sources alone. */
  private async checkDraft(uri: string, languageId: string, version: number, text: string): Promise<CheckedDraft> {
    const corpus = this.corpusOf(uri);
    if (!corpus) return this.results.check(this.sources.library, uri, languageId, version, text);
    const checked = await corpus.check(this.sources.library, text, checkOptions(uri, languageId));
    // A typing edit asks only for the sentences it changed: the log shows how many.
    const searches = `${checked.searches} sentence search${checked.searches === 1 ? '' : 'es'}`;
    this.connection.console.log(`team corpus ${corpus.label}: ${searches} for ${uri} v${version}`);
    return this.results.store(checked.library, uri, languageId, version, text, checked.findings);
  }

  /** The scheduled check of an open draft; a newer edit or a closed document makes it drop its result. */
  private async checkOpenDocument(uri: string, run: CheckRun): Promise<void> {
    await this.indexing;
    await tick(); // let edits that are already queued arrive first
    const document = this.documents.get(uri);
    if (!document || run.cancelled) return;
    const version = document.version;
    const started = Date.now();
    if (!this.results.isCurrent(uri, version, this.libraryOf(uri)))
      await this.checkDraft(uri, languageOf(document), version, document.getText());
    await tick();
    if (run.cancelled || this.documents.get(uri)?.version !== version) return;
    this.connection.console.log(`checked ${uri} v${version} in ${Date.now() - started} ms`);
    this.publish(uri);
  }

  /** Results for the document's current text, checking it now when they are stale (hover, quick fix). */
  private async freshResult(document: TextDocument): Promise<CheckedDraft | undefined> {
    if (!this.isDraft(document) || this.status.state !== 'ready') return this.results.get(document.uri);
    if (!this.results.isCurrent(document.uri, document.version, this.libraryOf(document.uri)))
      await this.checkDraft(document.uri, languageOf(document), document.version, document.getText());
    return this.results.get(document.uri);
  }

  /** The finding with each passage widened to whole source sentences, for what the writer reads. */
  private inContext(finding: Finding, library: SourceLibrary): Finding {
    return {
      ...finding,
      evidence: finding.evidence.map((passage) => widenToSentences(passage, library.get(passage.source))),
    };
  }

  private diagnosticsOf(checked: CheckedDraft) {
    const { document } = checked;
    return checked.findings.map((finding) => ({
      finding,
      diagnostics:
        finding.verdict === 'supported'
          ? []
          : findingsToDiagnostics([this.inContext(finding, checked.library)], {
              rangeOf: (span) => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) }),
              severity: this.settingsOf(document.uri).severity,
              ignored: this.workspace.ignoredFor(pathOfUri(document.uri)),
              uriOfPath,
            }),
    }));
  }

  private publish(uri: string): void {
    const checked = this.results.get(uri);
    if (!checked) return;
    const items = this.diagnosticsOf(checked).flatMap(({ finding, diagnostics }) =>
      diagnostics.map((diagnostic) => ({
        key: `${diagnostic.code}:${(diagnostic.data as { fingerprint: string }).fingerprint}`,
        span: finding.span,
        item: diagnostic,
      })),
    );
    const { visible, releaseInMs } = this.hold.apply(uri, items);
    clearTimeout(this.releaseTimers.get(uri));
    if (releaseInMs !== undefined)
      this.releaseTimers.set(
        uri,
        setTimeout(() => this.publish(uri), releaseInMs),
      );
    void this.connection.sendDiagnostics({ uri, version: checked.document.version, diagnostics: visible });
    void this.connection.sendNotification(DOCUMENT_SUMMARY_NOTIFICATION, {
      uri,
      version: checked.document.version,
      counts: countVerdicts(checked.findings),
    });
  }

  private republishAll(): void {
    for (const [uri] of this.results.entries()) this.publish(uri);
  }

  private noteEdit(document: TextDocument, changes: TextDocumentContentChangeEvent[]): void {
    const last = changes[changes.length - 1];
    if (last && 'range' in last)
      this.hold.noteEdit(document.uri, document.offsetAt(last.range.start) + last.text.length);
  }

  private async checkDocumentNow(uri: string): Promise<VerdictCounts | null> {
    await this.indexing;
    const document = this.documents.get(uri);
    if (!document || !this.isDraft(document)) return null;
    this.hold.forget(uri); // asked for explicitly: show everything now
    const checked = await this.freshResult(document);
    this.publish(uri);
    return checked ? countVerdicts(checked.findings) : null;
  }

  private async checkWorkspace(): Promise<CheckWorkspaceResult> {
    await this.indexing;
    const paths: string[] = [];
    for (const { folder, settings } of this.workspace.folders) {
      const inFolder = await listDraftFiles([folder], {
        languages: settings.languages,
        // A nested workspace folder's drafts are listed, with its own settings, as its own.
        isSource: (path) => this.sources.isSource(path) || this.workspace.folderOf(path)?.folder !== folder,
        maxBytes: settings.maxFileSizeKb * 1024,
      });
      paths.push(...inFolder);
    }
    const counts: VerdictCounts = { supported: 0, contradicted: 0, unsupported: 0 };
    for (const path of paths) {
      const uri = uriOfPath(path);
      const open = this.documents.get(uri);
      const checked = open
        ? await this.freshResult(open)
        : await this.checkDraft(uri, languageOfPath(path) ?? 'plaintext', 0, await readFile(path, 'utf8'));
      if (!checked) continue;
      this.publish(uri);
      const fileCounts = countVerdicts(checked.findings);
      counts.supported += fileCounts.supported;
      counts.contradicted += fileCounts.contradicted;
      counts.unsupported += fileCounts.unsupported;
      await tick();
    }
    return { files: paths.length, counts };
  }

  private async findings(params: FindingsParams): Promise<FindingsResult> {
    const uris = params.uris ?? this.results.entries().map(([uri]) => uri);
    const files: FindingsResult['files'] = [];
    for (const uri of uris) {
      const open = this.documents.get(uri);
      const checked = open ? await this.freshResult(open) : this.results.get(uri);
      if (checked) files.push({ path: pathOfUri(uri) ?? uri, uri, findings: checked.findings });
    }
    return { files };
  }

  private async reportData(params: ReportDataParams): Promise<ReportDataResult> {
    const open = this.documents.get(params.uri);
    const checked = open ? await this.freshResult(open) : this.results.get(params.uri);
    return checked ? reportData(checked, pathOfUri(params.uri) ?? params.uri, checked.library) : null;
  }

  private async findingAtPosition(params: FindingAtParams): Promise<FindingAtResult> {
    const document = this.documents.get(params.uri);
    const checked = document && (await this.freshResult(document));
    const finding = checked && findingAt(checked.findings, document!.offsetAt(params.position));
    if (!finding) return null;
    const { evidence } = this.inContext(finding, checked.library);
    return { ...finding, evidence, evidenceUris: evidence.map((passage) => uriOfPath(passage.source)) };
  }

  private ignoreFinding(uri: string, fingerprint: string, note: string): void {
    const path = pathOfUri(uri);
    // A draft outside every folder: the first folder's project file is the one its user shares.
    const settings = this.workspace.folderOf(path) ?? this.workspace.folders[0];
    if (!settings) return;
    try {
      addIgnoredFinding(settings.folder, { fingerprint, note: note || undefined });
    } catch (error) {
      // Not saved (the project file is not a regular file holding an object, or the arguments are junk): say so.
      this.connection.console.error((error as Error).message);
      void this.connection.window.showErrorMessage(`Groundwork: ${(error as Error).message}`);
      return;
    }
    settings.ignored.add(fingerprint);
    this.connection.console.info(`ignored finding ${fingerprint} (${note}) in ${settings.folder}/${PROJECT_FILE}`);
    this.republishAll();
  }

  // ---- hover and citations -------------------------------------------------------------------------------

  private async hover(uri: string, position: { line: number; character: number }) {
    const document = this.documents.get(uri);
    if (!document) return null;
    const offset = document.offsetAt(position);
    const citation = citationKeyAt(document.getText(), offset);
    if (citation) {
      const source = this.sources.library.get(citation.key);
      const value = source
        ? `**${escapeMarkdown(source.metadata.title ?? source.metadata.id)}**\n\n${escapeMarkdown(source.path)}${source.metadata.date ? ` · ${source.metadata.date}` : ''}`
        : `No source has the citation key \`${citation.key}\`.`;
      return {
        contents: { kind: MarkupKind.Markdown, value },
        range: { start: document.positionAt(citation.keySpan.start), end: document.positionAt(citation.keySpan.end) },
      };
    }
    const checked = await this.freshResult(document);
    const finding = checked && findingAt(checked.findings, offset);
    if (!finding) return null;
    const shownByEditor = this.clientOptions.showsDiagnosticsInHover
      ? finding.problems.filter((problem) => problem.span && problem.span.start <= offset && offset <= problem.span.end)
      : [];
    const value = renderFindingHover(this.inContext(finding, checked.library), {
      uriOfPath,
      openSource: (target, range) => this.openSourceLink(target, range),
      shownByEditor,
    });
    return { contents: { kind: MarkupKind.Markdown, value }, range: finding.range };
  }

  private openSourceLink(uri: string, range: Range): string {
    if (this.clientOptions.openSourceCommand)
      return `command:${OPEN_SOURCE_COMMAND}?${encodeURIComponent(JSON.stringify([uri, range]))}`;
    return `${uri}#L${range.start.line + 1},${range.start.character + 1}`;
  }

  private completeCitation(uri: string, position: { line: number; character: number }) {
    const document = this.documents.get(uri);
    if (!document) return [];
    const offset = document.offsetAt(position);
    const typed = citationPrefixAt(document.getText(), offset);
    if (!typed) return [];
    const range = { start: document.positionAt(typed.start), end: position };
    return this.sources.library.headers().map((source) => ({
      label: source.metadata.id,
      kind: CompletionItemKind.Reference,
      detail: source.metadata.title,
      documentation: [source.path, source.metadata.date].filter(Boolean).join(' · '),
      textEdit: { range, newText: source.metadata.id },
    }));
  }

  private citationDefinition(uri: string, position: { line: number; character: number }) {
    const document = this.documents.get(uri);
    const citation = document && citationKeyAt(document.getText(), document.offsetAt(position));
    const source = citation && this.sources.library.get(citation.key);
    if (!source) return null;
    return { uri: uriOfPath(source.path), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  }
}
