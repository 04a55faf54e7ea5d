// Runs the mocha suite in test/integration/suite in a real VS Code extension host through @vscode/test-electron's
// runTests(), with the repository as the extension under development and a fresh copy of the fixture workspace.
// The host is desktop VS Code (downloaded by runTests, as in every extension's CI) where it can be downloaded and
// shown, else code-server + headless Chromium behind test/integration/code-server-launcher.mjs, which takes the
// same command line. GROUNDWORK_TEST_HOST=electron|code-server chooses. Exit code: the suite's.
//   node test/integration/run.mjs        (npm run test:integration builds first)
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyFixtureWorkspace, ROOT, writeUserSettings } from './host.mjs';

const HOST_NAMES = { electron: 'desktop VS Code', 'code-server': 'code-server + headless Chromium' };
const HOSTS = Object.keys(HOST_NAMES);
const LAUNCHER = path.join(ROOT, 'test', 'integration', 'code-server-launcher.mjs');
// Where runTests looks up and downloads desktop VS Code.
const VSCODE_UPDATE_API = 'https://update.code.visualstudio.com/api/releases/stable';
const started = Date.now();

/** Which host runs the suite, and why: the override, else whether desktop VS Code could be downloaded and shown. */
async function chooseHost() {
  const asked = process.env.GROUNDWORK_TEST_HOST;
  if (asked) {
    if (!HOSTS.includes(asked)) {
      console.error(`GROUNDWORK_TEST_HOST is '${asked}': use ${HOSTS.join(' or ')}`);
      process.exit(2);
    }
    return { host: asked, reason: 'set by GROUNDWORK_TEST_HOST' };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { host: 'code-server', reason: 'no display for desktop VS Code: xvfb-run gives one' };
  }
  try {
    const response = await fetch(VSCODE_UPDATE_API, { signal: AbortSignal.timeout(5000) });
    if (!response.ok)
      return {
        host: 'code-server',
        reason: `desktop VS Code cannot be downloaded: ${VSCODE_UPDATE_API} answered ${response.status}`,
      };
    return { host: 'electron', reason: 'desktop VS Code can be downloaded' };
  } catch (error) {
    return {
      host: 'code-server',
      reason: `desktop VS Code cannot be downloaded: ${error.cause?.code ?? error.message}`,
    };
  }
}

const { host, reason } = await chooseHost();
console.log(`integration host: ${HOST_NAMES[host]} (${reason}). GROUNDWORK_TEST_HOST=electron|code-server chooses.`);
if (host === 'code-server')
  execFileSync('bash', [path.join(ROOT, 'scripts', 'install-test-host.sh')], { stdio: 'inherit' });

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
const userDataDir = path.join(dataDir, 'user-data');
if (host === 'electron') writeUserSettings(userDataDir); // the launcher's code-server writes its own
let code;
try {
  code = await runTests({
    vscodeExecutablePath: host === 'code-server' ? LAUNCHER : undefined,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: suite,
    // A fresh profile for each run, and no other extension that could react to the fixture's Markdown.
    launchArgs: [
      workspace,
      `--user-data-dir=${userDataDir}`,
      `--extensions-dir=${path.join(dataDir, 'extensions')}`,
      '--disable-extensions',
    ],
  });
} catch (error) {
  // runTests rejects when the host exits non-zero (a failing suite), or cannot be downloaded or started.
  if (error instanceof TestRunFailedError) {
    code = error.code ?? 1;
  } else {
    console.error(`${HOST_NAMES[host]} could not run the suite: ${error.message}`);
    code = 1;
  }
}
console.log(`integration suite exit code ${code} on ${host}; ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
if (code === 0 && !process.env.GROUNDWORK_KEEP_TEST_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
else console.log(`test data kept in ${dataDir} (the Groundwork output: user-data/logs/*/exthost1/output_logging_*/)`);
process.exit(code);
