// A writer's install, as the README gives it: `npm pack`, `npm install -g ./<tarball>`, then `groundwork check` in
// their own folder. Runs the real npm (it may fetch the runtime dependencies from the registry: up to a minute).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

const REPOSITORY = resolve('.');
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };

/** The environment of a writer's shell: none of the npm_* variables that `npm test` passes to its children. */
function shellEnv(extraPath?: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  if (extraPath) env.PATH = `${extraPath}${delimiter}${env.PATH ?? ''}`;
  return env;
}

function run(command: string, args: string[], cwd: string, env = shellEnv()) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('install from the packed tarball', function () {
  this.timeout(240_000);
  let root: string;
  let tarball: string;
  let prefix: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'groundwork-install-'));
    const pack = run('npm', ['pack', '--json', '--pack-destination', root], REPOSITORY);
    assert.equal(pack.code, 0, pack.stderr);
    const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    tarball = join(root, packed!.filename);
    assert.deepEqual(packed!.files.map((file) => file.path).sort(), [
      'LICENSE',
      'README.md',
      'dist/cli.cjs',
      'dist/index-worker.cjs',
      'dist/server.cjs',
      'package.json',
      'schemas/groundwork.schema.json',
    ]);
    prefix = join(root, 'prefix');
    const install = run(
      'npm',
      ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball],
      root,
    );
    assert.equal(install.code, 0, install.stderr);
    // Nothing a new user has to decode (npm 11 lists install scripts it did not run; this package has none).
    assert.equal(install.stderr, '');
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('is named groundwork-factcheck, not the unrelated npm package groundwork, and installs the command groundwork', () => {
    assert.equal(name, 'groundwork-factcheck');
    assert.equal(tarball, join(root, `groundwork-factcheck-${version}.tgz`));
    assert.deepEqual(readdirSync(join(prefix, 'bin')), ['groundwork']);
  });

  it('checks a draft in another folder against a folder of sources, and prints its version', () => {
    const desk = join(root, 'desk');
    mkdirSync(join(desk, 'articles'), { recursive: true });
    copyFileSync(join(REPOSITORY, 'seeds', '000_f04d67d5c7de7c34.txt'), join(desk, 'articles', 'kabul.txt'));
    copyFileSync(join(REPOSITORY, 'examples', 'draft.md'), join(desk, 'draft.md'));
    const env = shellEnv(join(prefix, 'bin'));

    const check = run('groundwork', ['check', '--sources', 'articles', 'draft.md'], desk, env);
    assert.equal(check.stderr, '');
    assert.deepEqual(check.stdout.trimEnd().split('\n'), [
      'draft.md:5:1: contradicted: negation — the source says the opposite: “he could not confirm the requests” (kabul.txt:7)',
      'draft.md:5:90: contradicted: number 250 — the source says 150 (kabul.txt:29)',
      'draft.md:9:2: contradicted: misquote — source: ‘be important’; draft: ‘be crucial’; attribution — the source has Kirby saying this, not Jake Sullivan (kabul.txt:11)',
      'draft.md:11:1: contradicted: date Tuesday — the source says Monday (kabul.txt:5)',
      'draft.md:13:1: contradicted: name Geneva — the source says Brussels (kabul.txt:31)',
      'draft.md:13:70: unsupported: no source says this',
      '5 contradicted, 1 unsupported, 3 supported in 1 draft',
    ]);
    assert.equal(check.code, 1);

    assert.deepEqual(run('groundwork', ['--version'], desk, env), { code: 0, stdout: `${version}\n`, stderr: '' });
  });
});
