// Import rules checked by `npm run lint:imports` (dependency-cruiser): no import cycles, and the layers of
// docs/architecture.md: the checker (src/core) runs without VS Code, the language server or the client.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes module start-up order matter and the parts impossible to use on their own.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-editor-free',
      severity: 'error',
      comment: 'src/core is the checker the CLI, the server and the benchmarks share: it must not need an editor.',
      from: { path: '^src/core/' },
      to: {
        path: [
          '^src/(server|client|cli)/',
          'node_modules/(@types/vscode|vscode-languageserver|vscode-languageclient)/',
        ],
      },
    },
    {
      name: 'server-has-no-vscode',
      severity: 'error',
      comment: 'The language server also runs outside VS Code (groundwork lsp --stdio).',
      from: { path: '^src/(server|shared)/' },
      to: { path: ['^src/client/', 'node_modules/@types/vscode/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are erased when compiled, so only the imports that run count. (With them counted, three
    // cycles go through `import type` of LoadProgress between src/core/cache and src/core/worker.)
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: ['^dist/', '\\.json$'] },
  },
};
