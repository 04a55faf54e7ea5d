// Bundles the CLI, the language server, the VS Code client and the indexing worker into dist/: one bundle
// per entry point keeps start-up fast and lets the .vsix ship without node_modules.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { NODE_BUNDLE } from './bundle-options.mjs';

const production = process.argv.includes('--production');

// package.json's settings and schemas/groundwork.schema.json are generated from src/shared/settings-schema.ts
// (in CI only checked: a stale or hand-edited file fails the build there instead of being fixed on the CI machine).
try {
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/build-settings.ts', ...(process.env.CI ? ['--check'] : [])],
    { stdio: 'inherit' },
  );
} catch {
  process.exit(1); // the script has said why
}
const entries = [
  { in: 'src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'src/server/main.ts', out: 'server' },
  { in: 'src/client/extension.ts', out: 'extension' },
  // The indexing worker thread's script, loaded from beside the server/CLI bundle (src/core/worker/load-in-worker.ts).
  { in: 'src/core/worker/index-worker.ts', out: 'index-worker' },
].filter((entry) => fs.existsSync(entry.in));

await Promise.all(
  entries.map((entry) =>
    esbuild.build({
      ...NODE_BUNDLE,
      entryPoints: [entry.in],
      outfile: `dist/${entry.out}.cjs`,
      sourcemap: !production,
      minify: production,
      banner: entry.banner ? { js: entry.banner } : undefined,
    }),
  ),
);
