// Team corpus passwords: "Groundwork: Set Team Corpus Password" asks for one once, with the connection string it is
// for in the prompt, and keeps it in VS Code's secret storage under that exact string; the server asks for it by
// that string when it connects (groundwork/corpusPassword), so a `.groundwork.json` naming another server gets none.
// Never in settings, never in the connection string.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import {
  CORPUS_PASSWORD_CHANGED_NOTIFICATION,
  CORPUS_PASSWORD_REQUEST,
  TEAM_CORPORA_REQUEST,
  type TeamCorpusInfo,
} from '../shared/protocol.js';

export const SET_CORPUS_PASSWORD_COMMAND = 'groundwork.setCorpusPassword';

const secretKey = (url: string) => `groundwork.corpusPassword:${url}`;

/** Whether a password is stored for exactly `url` (never the password itself: the extension's API offers this). */
export async function hasCorpusPassword(secrets: vscode.SecretStorage, url: string): Promise<boolean> {
  return (await secrets.get(secretKey(url))) !== undefined;
}

/** Answers the server's password requests from the secret storage (register before the client starts). */
export function answerPasswordRequests(client: LanguageClient, secrets: vscode.SecretStorage): void {
  client.onRequest(CORPUS_PASSWORD_REQUEST, async ({ url }) => (await secrets.get(secretKey(url))) ?? null);
}

async function pickCorpus(corpora: TeamCorpusInfo[]): Promise<TeamCorpusInfo | undefined> {
  if (corpora.length <= 1) return corpora[0];
  const picked = await vscode.window.showQuickPick(
    corpora.map((corpus) => ({ label: corpus.label, description: corpus.url, corpus })),
    { title: 'Groundwork: which team corpus?' },
  );
  return picked?.corpus;
}

/** Asks for the password of a configured team corpus and stores it; resolves to its connection string, if stored. */
async function setCorpusPassword(
  client: () => Promise<LanguageClient>,
  secrets: vscode.SecretStorage,
): Promise<string | undefined> {
  const started = await client();
  const corpus = await pickCorpus(await started.sendRequest(TEAM_CORPORA_REQUEST));
  if (!corpus) {
    void vscode.window.showInformationMessage(
      'Groundwork: no team corpus is configured (set groundwork.corpus, or "corpus" in .groundwork.json).',
    );
    return undefined;
  }
  const password = await vscode.window.showInputBox({
    title: `Groundwork: password for the team corpus ${corpus.label}`,
    prompt: `Kept in VS Code's secret storage and sent only to ${corpus.url}. Leave empty to forget it.`,
    password: true,
    ignoreFocusOut: true,
  });
  if (password === undefined) return undefined;
  if (password === '') await secrets.delete(secretKey(corpus.url));
  else await secrets.store(secretKey(corpus.url), password);
  await started.sendNotification(CORPUS_PASSWORD_CHANGED_NOTIFICATION, { url: corpus.url });
  return corpus.url;
}

export function registerCorpusPasswordCommand(
  client: () => Promise<LanguageClient>,
  secrets: vscode.SecretStorage,
): vscode.Disposable {
  return vscode.commands.registerCommand(SET_CORPUS_PASSWORD_COMMAND, () => setCorpusPassword(client, secrets));
}
