// Bundles the CLI (and, once they exist, the language server and the VS Code client) into dist/.
// One bundle per entry point keeps start-up fast and lets the .vsix ship without node_modules.
import * as esbuild from 'esbuild';
import fs from 'node:fs';

const production = process.argv.includes('--production');
const entries = [
  { in: 'src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'src/server/main.ts', out: 'server' },
  { in: 'src/client/extension.ts', out: 'extension' },
  // The indexing worker thread's script, loaded from beside the server/CLI bundle (src/core/worker/load-in-worker.ts).
  { in: 'src/core/worker/index-worker.ts', out: 'index-worker' },
].filter((entry) => fs.existsSync(entry.in));

await Promise.all(entries.map((entry) => esbuild.build({
  entryPoints: [entry.in],
  outfile: `dist/${entry.out}.cjs`,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  // load-in-worker.ts reads import.meta.url only when run from source; bundled, it uses __filename instead.
  logOverride: { 'empty-import-meta': 'silent' },
  sourcemap: !production,
  minify: production,
  banner: entry.banner ? { js: entry.banner } : undefined,
  logLevel: 'warning',
})));
