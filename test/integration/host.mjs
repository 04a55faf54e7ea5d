// The extension test host: code-server (VS Code 1.100.3's server and web client, installed in .test-host/ by
// scripts/install-test-host.sh) driven by Debian's chromium through playwright-core, for machines where desktop
// VS Code cannot be downloaded: code-server runs the same Node extension host with the real `vscode` API.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOST = path.join(ROOT, '.test-host');
const CODE_SERVER = path.join(HOST, 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

export function codeServerBin() {
  if (!fs.existsSync(CODE_SERVER)) throw new Error('code-server is not installed: run scripts/install-test-host.sh');
  return CODE_SERVER;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** code-server keeps its config and data under XDG folders: point them into the test's data folder, not $HOME. */
function hostEnv(dataDir) {
  const xdg = path.join(dataDir, 'xdg');
  return {
    ...process.env,
    XDG_CONFIG_HOME: `${xdg}/config`,
    XDG_DATA_HOME: `${xdg}/data`,
    XDG_CACHE_HOME: `${xdg}/cache`,
  };
}

/** Installs a .vsix into the extensions folder that startCodeServer({ dataDir }) uses. */
export function installExtension(dataDir, vsix) {
  execFileSync(codeServerBin(), ['--extensions-dir', path.join(dataDir, 'extensions'), '--install-extension', vsix], {
    env: hostEnv(dataDir),
    stdio: 'inherit',
  });
}

/** The user settings of a test host (code-server or desktop VS Code): quiet, no updates, no trust prompt. */
export function writeUserSettings(userDataDir, settings = {}) {
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'security.workspace.trust.enabled': false,
        'chat.disableAIFeatures': true,
        'editor.hover.delay': 200,
        ...settings,
      },
      null,
      1,
    ),
  );
}

/** Starts code-server with its own user data, extensions folder and XDG folders under `dataDir`. */
export async function startCodeServer({ dataDir, settings = {}, verbose = false }) {
  const bin = codeServerBin();
  const port = await freePort();
  const userDataDir = path.join(dataDir, 'user-data');
  const extensionsDir = path.join(dataDir, 'extensions');
  // VS Code's server creates the extensions folder non-recursively: with its parent missing, no extension loads.
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir, settings);
  const args = [
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
  ];
  const started = Date.now();
  const child = spawn(bin, args, {
    env: hostEnv(dataDir),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: stopping it stops the extension host and watchers too
  });
  const log = fs.createWriteStream(path.join(dataDir, 'code-server.log'));
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  if (verbose) child.stderr.on('data', (data) => process.stderr.write(`[code-server] ${data}`));
  await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error('code-server did not start within 60 s')), 60000);
    child.stdout.on('data', (data) => {
      output += data;
      if (/HTTP server listening/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}) before listening:\n${output}`));
    });
  });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  return { port, url: `http://127.0.0.1:${port}`, startedAt: started, extensionsDir, stop };
}

export async function launchBrowser(profileDir) {
  // Loaded here, not on import: where desktop VS Code runs the suite, the test host is not installed.
  const { chromium } = createRequire(path.join(HOST, 'package.json'))('playwright-core');
  fs.rmSync(profileDir, { recursive: true, force: true });
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A path on the machine as the web client addresses it through the server. */
export function remoteUri(port, file) {
  return `vscode-remote://127.0.0.1:${port}${path.resolve(file)}`;
}

/** The workbench URL that opens `folder`, with VS Code's launch options passed as the `payload` parameter. */
export function workbenchUrl(server, folder, payload) {
  return `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify([...payload, ['skipWelcome', 'true']]))}`;
}

/** A fresh copy of the fixture workspace (tests edit drafts, sources and .groundwork.json). */
export function copyFixtureWorkspace(target) {
  fs.cpSync(path.join(ROOT, 'test', 'integration', 'fixtures', 'workspace'), target, { recursive: true });
  return target;
}
