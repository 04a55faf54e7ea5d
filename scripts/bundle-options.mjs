// How Groundwork's code is bundled for Node: shared by the build (scripts/build.mjs) and the benchmark, which
// measures bundles made exactly as the shipped ones are.
export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // pg-native is node-postgres's optional libpq binding: Groundwork uses the pure JavaScript client.
  external: ['vscode', 'pg-native'],
  // The worker starter reads import.meta.url only when run from source; bundled, it uses __filename instead.
  logOverride: { 'empty-import-meta': 'silent' },
  logLevel: 'warning',
};
