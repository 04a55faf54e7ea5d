// A workspace's own configuration cannot make the server read outside the workspace; the user's settings can.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheFileFor } from '../../src/core/cache/store.js';
import { SourceIndex } from '../../src/server/sourceIndex.js';
import { OUTSIDE_WORKSPACE_HINT, workspaceSourceInputs } from '../../src/server/sourceInputs.js';
import { DEFAULT_SETTINGS, parseProjectConfig } from '../../src/server/settings.js';

describe('server: sources stay inside the workspace unless the user names them', function () {
  this.timeout(30_000);
  let dir: string;
  let workspace: string;
  let outside: string;
  beforeEach(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'groundwork-boundary-')));
    workspace = join(dir, 'workspace');
    outside = join(dir, 'outside');
    mkdirSync(join(workspace, 'seeds'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(workspace, 'seeds', 'inside.txt'), 'The council voted on Monday.\n');
    writeFileSync(join(outside, 'secret.txt'), 'The password is swordfish.\n');
    symlinkSync(join(outside, 'secret.txt'), join(workspace, 'seeds', 'linked.txt'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function build(settingsSources: string[], projectFile?: string) {
    const config = projectFile === undefined ? undefined : parseProjectConfig(projectFile);
    const { inputs, confine } = workspaceSourceInputs({ ...DEFAULT_SETTINGS, sources: settingsSources }, [
      { folder: workspace, config },
    ]);
    const index = new SourceIndex();
    const { warnings } = await index.build(inputs, {
      confine,
      signal: new AbortController().signal,
      onProgress: () => undefined,
      onWorkerFailure: (error) => assert.fail(error),
    });
    return { paths: index.library.documents().map((document) => document.path), warnings, index };
  }

  it('refuses what a .groundwork.json names outside its folder, and links out of a source folder, by name', async () => {
    const { paths, warnings, index } = await build(
      ['seeds'],
      JSON.stringify({ sources: ['seeds', '/etc/passwd', '../outside'] }),
    );
    assert.deepEqual(paths, [join(workspace, 'seeds', 'inside.txt')]);
    assert.deepEqual(warnings, [
      {
        path: join(workspace, 'seeds', 'linked.txt'),
        message: `leads outside ${workspace} (to ${join(outside, 'secret.txt')}); ${OUTSIDE_WORKSPACE_HINT}`,
      },
      { path: '/etc/passwd', message: `leads outside ${workspace} (to /etc/passwd); ${OUTSIDE_WORKSPACE_HINT}` },
      { path: outside, message: `leads outside ${workspace} (to ${outside}); ${OUTSIDE_WORKSPACE_HINT}` },
    ]);
    // A file the watcher reports is held to the same boundary.
    const warning = await index.refresh(join(workspace, 'seeds', 'linked.txt'), 'changed');
    assert.match(warning?.message ?? '', /^leads outside /);
    assert.deepEqual(
      index.library.documents().map((document) => document.path),
      [join(workspace, 'seeds', 'inside.txt')],
    );
  });

  it("reads sources outside the workspace that the user's own settings name", async () => {
    const { paths, warnings } = await build([join(workspace, 'seeds'), outside]);
    assert.deepEqual(paths, [
      join(outside, 'secret.txt'),
      join(workspace, 'seeds', 'inside.txt'),
      join(workspace, 'seeds', 'linked.txt'),
    ]);
    assert.deepEqual(warnings, []);
  });

  it('indexes around a named pipe among the sources, within seconds', async () => {
    execFileSync('mkfifo', [join(workspace, 'seeds', 'pipe.txt')]);
    const started = performance.now();
    const { paths, warnings } = await build(['seeds']);
    assert.ok(performance.now() - started < 15_000);
    assert.deepEqual(paths, [join(workspace, 'seeds', 'inside.txt')]);
    assert.deepEqual(
      warnings.map((warning) => warning.path),
      [join(workspace, 'seeds', 'linked.txt'), join(workspace, 'seeds', 'pipe.txt')],
    );
  });

  it('logs a cache it cannot use and rebuilds the index, instead of failing or waiting on it', async () => {
    const cacheDir = join(dir, 'cache');
    mkdirSync(cacheDir);
    const inputs = [join(workspace, 'seeds')];
    execFileSync('mkfifo', [cacheFileFor(cacheDir, inputs)]);
    const problems: string[] = [];
    const index = new SourceIndex();
    await index.build(inputs, {
      cacheDir,
      signal: new AbortController().signal,
      onProgress: () => undefined,
      onWorkerFailure: (error) => assert.fail(error),
      onCacheProblem: (problem) => problems.push(problem),
    });
    assert.equal(index.library.size, 2);
    assert.deepEqual(problems, [
      `${cacheFileFor(cacheDir, inputs)}: is a named pipe (FIFO), not a regular file; the index was rebuilt`,
    ]);
  });
});
