// Runs the mocha suite in test/integration/suite inside code-server's real extension host, with the repository
// as the extension under development and a fresh copy of the fixture workspace. Exit code: the suite's.
//   node test/integration/run.mjs        (npm run test:integration installs the host and builds first)
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { handleBrowserAction } from './browserActions.mjs';
import { copyFixtureWorkspace, launchBrowser, remoteUri, ROOT, startCodeServer, workbenchUrl } from './host.mjs';

const TIMEOUT_MS = Number(process.env.GROUNDWORK_IT_TIMEOUT_MS || 300000);
const verbose = Boolean(process.env.VERBOSE);
const started = Date.now();

// The extension host loads the tests with require(): bundle them to CommonJS; mocha and vscode stay external.
const suite = path.join(ROOT, 'out', 'integration', 'suite.cjs');
await esbuild.build({
  entryPoints: [path.join(ROOT, 'test', 'integration', 'suite', 'index.ts')],
  outfile: suite,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', 'mocha'],
  sourcemap: 'inline',
  logLevel: 'warning',
});

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-it-'));
const workspace = copyFixtureWorkspace(path.join(dataDir, 'workspace'));
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
const counts = { passed: 0, failed: 0 };
await page.exposeFunction('codeAutomationLog', (type, args) => {
  const line = format(...args); // mocha logs printf-style: ('%d passing', 3)
  if (handleBrowserAction(page, line, path.join(ROOT, 'test-output'))) return;
  const total = /^\s*(\d+) (passing|failing)/.exec(line);
  if (total) counts[total[2] === 'passing' ? 'passed' : 'failed'] = Number(total[1]);
  (console[type] ?? console.log)(...args);
});
await page.exposeFunction('codeAutomationExit', (code) => finish(code));
page.on('pageerror', (error) => console.error('[page error]', error.message));
if (verbose) page.on('console', (message) => console.log(`[browser] ${message.text()}`));
await page.goto(workbenchUrl(server, workspace, [
  ['extensionDevelopmentPath', remoteUri(server.port, ROOT)],
  ['extensionTestsPath', remoteUri(server.port, suite)],
]), { timeout: 120000 }); // the workbench loads in seconds, but on a shared, loaded machine it can take minutes
const code = await finished;
clearTimeout(timer);
if (code !== 0) await page.screenshot({ path: path.join(dataDir, 'failure.png') }).then(() => console.error(`screenshot: ${dataDir}/failure.png; code-server log: ${dataDir}/code-server.log`), () => {});
await browser.close().catch(() => {});
server.stop();
console.log(`integration suite exit code ${code}; ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
// The closing line CI reads: the suite's counts (a run that never reached mocha counts as one failure).
console.log(`integration: ${counts.passed} passed, ${code !== 0 && counts.failed === 0 ? 1 : counts.failed} failed`);
if (code === 0 && !process.env.GROUNDWORK_KEEP_TEST_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
else console.log(`test data kept in ${dataDir} (the Groundwork output: user-data/logs/*/exthost1/output_logging_*/)`);
process.exit(code);
