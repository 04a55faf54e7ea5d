// The report's stylesheet. In the webview VS Code's theme variables colour it; the fallbacks are a light theme
// for the standalone file, which must also print cleanly (no toolbar, no cut rows).
export const REPORT_STYLE = `
:root {
  --fg: var(--vscode-editor-foreground, #1f2328);
  --bg: var(--vscode-editor-background, #ffffff);
  --muted: var(--vscode-descriptionForeground, #646b73);
  --border: var(--vscode-panel-border, #d7dbe0);
  --panel: var(--vscode-sideBar-background, #f6f8fa);
  --mark: var(--vscode-editor-findMatchHighlightBackground, rgba(255, 196, 0, 0.45));
  --link: var(--vscode-textLink-foreground, #0b63c4);
  --supported: var(--vscode-testing-iconPassed, #2e7d32);
  --contradicted: var(--vscode-editorError-foreground, #c62828);
  --unsupported: var(--vscode-editorWarning-foreground, #b26a00);
  --unchecked: var(--vscode-disabledForeground, #9aa0a6);
  --focus: var(--vscode-focusBorder, #0b63c4);
}
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg); font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif);
  font-size: var(--vscode-font-size, 14px); line-height: 1.45; }
main { padding: 0 20px 40px; max-width: 1280px; }
h1 { font-size: 1.35em; margin: 14px 0 2px; }
h2 { font-size: 1.05em; margin: 0 0 6px; }
h3 { font-size: 0.95em; margin: 10px 0 4px; }
p { margin: 0; }
.muted { color: var(--muted); }
a { color: var(--link); }
mark { background: var(--mark); color: inherit; border-radius: 2px; padding: 0 1px; font-weight: 600; }
.toolbar { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; padding: 8px 20px;
  background: var(--bg); border-bottom: 1px solid var(--border); }
.toolbar label { white-space: nowrap; }
.toolbar input[type=search] { flex: 1 1 220px; min-width: 160px; }
.toolbar input, .toolbar select { font: inherit; color: var(--vscode-input-foreground, inherit); background: var(--vscode-input-background, #fff);
  border: 1px solid var(--vscode-input-border, var(--border)); border-radius: 2px; padding: 2px 4px; }
.toolbar input[type=checkbox] { vertical-align: -2px; }
.counts { display: flex; flex-wrap: wrap; gap: 8px; margin: 10px 0 14px; }
.count { border: 1px solid var(--border); border-left-width: 5px; border-radius: 4px; padding: 4px 10px; }
.count b { font-size: 1.3em; margin-right: 2px; }
.count.supported, .row.supported { border-left-color: var(--supported); }
.count.contradicted, .row.contradicted { border-left-color: var(--contradicted); }
.count.unsupported, .row.unsupported { border-left-color: var(--unsupported); }
.count.unchecked { border-left-color: var(--unchecked); }
.overview { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 16px; margin-bottom: 16px; }
.sections, .sources { background: var(--panel); border: 1px solid var(--border); border-radius: 4px; padding: 10px 12px; }
.sections ol, .sources ul { list-style: none; margin: 0; padding: 0; }
.section { display: grid; grid-template-columns: minmax(0, 1fr) 140px auto; gap: 10px; align-items: center; padding: 2px 0; }
.webview .section { cursor: pointer; }
.section-title { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.section-figure { color: var(--muted); font-size: 0.9em; white-space: nowrap; }
.bar { width: 140px; height: 10px; border-radius: 3px; background: var(--border); overflow: hidden; display: block; }
rect.supported { fill: var(--supported); } rect.contradicted { fill: var(--contradicted); }
rect.unsupported { fill: var(--unsupported); } rect.unchecked { fill: var(--unchecked); }
.sources li { padding: 2px 0; display: flex; gap: 6px; align-items: baseline; }
.sources .source-name { overflow-wrap: anywhere; }
.uses { margin-left: auto; white-space: nowrap; color: var(--muted); }
.row { border: 1px solid var(--border); border-left-width: 5px; border-radius: 4px; padding: 8px 12px; margin: 0 0 10px; }
.webview .row { cursor: pointer; }
.row:focus { outline: 1px solid var(--focus); }
.row.hidden { display: none; }
.row-head { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; margin-bottom: 6px; }
.verdict { font-weight: 600; }
.row.supported .verdict { color: var(--supported); } .row.contradicted .verdict { color: var(--contradicted); }
.row.unsupported .verdict { color: var(--unsupported); }
.kind, .where { color: var(--muted); font-size: 0.9em; }
.problems { margin: 0; padding: 0; list-style: none; flex-basis: 100%; }
.problems li::before { content: "→ "; color: var(--muted); }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
blockquote { margin: 0; padding: 6px 10px; border-radius: 3px; background: var(--panel); }
.draft-side::before, .source-side::before { display: block; font-size: 0.8em; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.draft-side::before { content: "Draft"; } .source-side::before { content: "Source"; }
.row.unsupported .source-side::before { content: "Nearest passage (does not say this)"; }
blockquote footer { margin-top: 4px; font-size: 0.88em; color: var(--muted); }
.others { margin-top: 6px; } .others summary { cursor: pointer; color: var(--link); font-size: 0.9em; }
.others blockquote { margin-top: 6px; }
.empty { margin: 20px 0; }
@media (max-width: 760px) { .overview, .sides { grid-template-columns: 1fr; } }
@media print {
  .toolbar, .others, a.open-source { display: none; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .row { break-inside: avoid; }
  mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .bar, rect { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
