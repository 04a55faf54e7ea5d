// Entry of dist/extension.cjs: starts the Groundwork language server for workspaces that have sources, and adds
// what only the editor can do (status bar, indexing notification, commands that open editors).
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node.js';
import {
  CANCEL_INDEXING_NOTIFICATION,
  CORPUS_PROBLEMS_NOTIFICATION,
  DOCUMENT_SUMMARY_NOTIFICATION,
  OPEN_SOURCE_COMMAND,
  SET_LIVE_CHECKING_NOTIFICATION,
  STATUS_NOTIFICATION,
  type DocumentSummaryParams,
  type StatusParams,
} from '../shared/protocol.js';
import { DEFAULT_SETTINGS } from '../shared/settings-schema.js';
import { isLiveChecking, registerCommands } from './commands.js';
import { answerPasswordRequests, hasCorpusPassword, registerCorpusPasswordCommand } from './corpusPassword.js';
import { IndexingNotification } from './indexingNotification.js';
import { registerReportView } from './reportView.js';
import { GroundworkStatusBar } from './statusBar.js';
import { registerTeamSources } from './teamSources.js';

/** What the extension offers other extensions (and the integration tests): the latest server status. */
export interface GroundworkApi {
  /** Resolves once the sources are indexed (immediately when they already are). */
  whenIndexed(): Promise<StatusParams>;
  /** Whether a team corpus password is stored for exactly this connection string (the password is not offered). */
  hasCorpusPassword(url: string): Promise<boolean>;
}

/** Groundwork starts on its own only where it is wanted: a workspace with a source folder, a project file or a
 *  team corpus. */
async function workspaceWantsGroundwork(): Promise<boolean> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    // Each folder of a multi-root workspace may name its own sources.
    const configuration = vscode.workspace.getConfiguration('groundwork', folder.uri);
    if (configuration.get<string>('corpus', DEFAULT_SETTINGS.corpus).trim() !== '') return true;
    const sources = configuration.get<string[]>('sources', DEFAULT_SETTINGS.sources);
    for (const name of ['.groundwork.json', ...sources.filter((source) => !/[*?[{]/.test(source))]) {
      const found = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, name)).then(
        () => true,
        () => false,
      );
      if (found) return true;
    }
  }
  return false;
}

function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const configuration = vscode.workspace.getConfiguration('groundwork');
  const languages = configuration.get<string[]>('languages', DEFAULT_SETTINGS.languages);
  const storage = context.storageUri ?? context.globalStorageUri;
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    outputChannel: output,
    markdown: { isTrusted: { enabledCommands: [OPEN_SOURCE_COMMAND] } },
    initializationOptions: {
      showsIndexProgress: true,
      openSourceCommand: true,
      showsDiagnosticsInHover: true,
      corpusPasswords: true,
      cacheDir: vscode.Uri.joinPath(storage, 'index').fsPath,
    },
  };
  return new LanguageClient('groundwork', 'Groundwork', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<GroundworkApi> {
  const output = vscode.window.createOutputChannel('Groundwork');
  let statusBar: GroundworkStatusBar | undefined;
  let starting: Promise<LanguageClient> | undefined;
  let latest: StatusParams | undefined;
  const indexedListeners: ((status: StatusParams) => void)[] = [];

  const start = async (): Promise<LanguageClient> => {
    const bar = (statusBar ??= new GroundworkStatusBar());
    context.subscriptions.push(
      bar,
      vscode.window.onDidChangeActiveTextEditor(() => bar.render()),
    );
    const client = createClient(context, output);
    const indexing = new IndexingNotification(() => void client.sendNotification(CANCEL_INDEXING_NOTIFICATION));
    context.subscriptions.push(indexing);
    client.onNotification(STATUS_NOTIFICATION, (status: StatusParams) => {
      latest = status;
      bar.setStatus(status);
      indexing.update(status);
      if (status.state === 'ready') indexedListeners.splice(0).forEach((listener) => listener(status));
    });
    client.onNotification(DOCUMENT_SUMMARY_NOTIFICATION, (summary: DocumentSummaryParams) =>
      bar.setCounts(summary.uri, summary.counts),
    );
    client.onNotification(CORPUS_PROBLEMS_NOTIFICATION, ({ problems }) => bar.setCorpusProblems(problems));
    answerPasswordRequests(client, context.secrets);
    await client.start();
    context.subscriptions.push(client); // disposed on deactivation, which stops the server
    const live = isLiveChecking(context.workspaceState);
    bar.setLive(live);
    if (!live) await client.sendNotification(SET_LIVE_CHECKING_NOTIFICATION, { enabled: false });
    return client;
  };
  const client = () => (starting ??= start());

  context.subscriptions.push(
    output,
    ...registerCommands({
      client,
      onLiveCheckingChanged: (live) => statusBar?.setLive(live),
      workspaceState: context.workspaceState,
      version: String((context.extension.packageJSON as { version: unknown }).version),
    }),
    ...registerReportView(client),
    registerCorpusPasswordCommand(client, context.secrets),
    registerTeamSources(client),
  );
  if (await workspaceWantsGroundwork()) await client();
  else output.appendLine('No seeds/ folder or .groundwork.json in this workspace: Groundwork waits for a command.');

  return {
    hasCorpusPassword: (url) => hasCorpusPassword(context.secrets, url),
    whenIndexed: () =>
      latest?.state === 'ready' ? Promise.resolve(latest) : new Promise((resolve) => indexedListeners.push(resolve)),
  };
}
