#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests() launches, where desktop VS Code
// cannot be downloaded: it takes the same command line (the workspace folder, --extensionDevelopmentPath=,
// --extensionTestsPath=, --user-data-dir=, --extensions-dir= and desktop flags it has no use for), runs the suite
// in code-server's real extension host driven by headless Chromium, and exits with the suite's exit code.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format, parseArgs } from 'node:util';
import { handleBrowserAction } from './browserActions.mjs';
import { launchBrowser, remoteUri, ROOT, startCodeServer, workbenchUrl } from './host.mjs';

const TIMEOUT_MS = Number(process.env.GROUNDWORK_IT_TIMEOUT_MS || 300000);
const verbose = Boolean(process.env.VERBOSE);

// strict: false keeps every other flag VS Code's desktop command line may carry (--no-sandbox, --disable-updates...).
const { values, positionals } = parseArgs({
  strict: false,
  allowPositionals: true,
  options: {
    extensionDevelopmentPath: { type: 'string', multiple: true },
    extensionTestsPath: { type: 'string' },
    'user-data-dir': { type: 'string' },
  },
});
const developmentPaths = values.extensionDevelopmentPath ?? [];
const testsPath = values.extensionTestsPath;
const [workspace] = positionals;
if (!developmentPaths.length || typeof testsPath !== 'string' || !workspace) {
  console.error(
    'usage: code-server-launcher.mjs WORKSPACE --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [--user-data-dir=DIR]',
  );
  process.exit(2);
}
// code-server keeps its user data, extensions and logs in one folder: the parent of the user data folder asked for.
const userDataDir = values['user-data-dir'];
const dataDir =
  typeof userDataDir === 'string'
    ? path.dirname(path.resolve(userDataDir))
    : fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-it-'));

const server = await startCodeServer({ dataDir, verbose });
const browser = await launchBrowser(path.join(dataDir, 'chromium'));
let finish;
const finished = new Promise((resolve) => (finish = resolve));
const timer = setTimeout(() => {
  console.error(`integration tests timed out after ${TIMEOUT_MS} ms`);
  finish(124);
}, TIMEOUT_MS);
const page = browser.pages()[0] ?? (await browser.newPage());
// The workbench reports the extension host's test output and exit code through these (as in VS Code's own
// browser integration tests).
await page.exposeFunction('codeAutomationLog', (type, args) => {
  const line = format(...args); // mocha logs printf-style: ('%d passing', 3)
  // A test's request to act in the browser (click in a webview, take a screenshot): see browserActions.mjs.
  if (handleBrowserAction(page, line, path.join(ROOT, 'test-output'))) return;
  (console[type] ?? console.log)(line);
});
await page.exposeFunction('codeAutomationExit', (code) => finish(code));
page.on('pageerror', (error) => console.error('[page error]', error.message));
if (verbose) page.on('console', (message) => console.log(`[browser] ${message.text()}`));
await page.goto(
  workbenchUrl(server, path.resolve(workspace), [
    ...developmentPaths.map((folder) => ['extensionDevelopmentPath', remoteUri(server.port, folder)]),
    ['extensionTestsPath', remoteUri(server.port, testsPath)],
  ]),
  { timeout: 120000 },
); // the workbench loads in seconds, but on a shared, loaded machine it can take minutes
const code = await finished;
clearTimeout(timer);
if (code !== 0) {
  await page.screenshot({ path: path.join(dataDir, 'failure.png') }).then(
    () => console.error(`screenshot: ${dataDir}/failure.png; code-server log: ${dataDir}/code-server.log`),
    () => {},
  );
}
await browser.close().catch(() => {});
server.stop();
process.exit(code);
