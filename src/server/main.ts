// Entry of dist/server.cjs: the VS Code client starts it over IPC; other editors run `node dist/server.cjs --stdio`.
import { startLanguageServer } from './server.js';

startLanguageServer();
