// The fact-check report as HTML: one renderer for the VS Code webview and for `groundwork check --format html`.
// Everything is rendered here, as escaped text; the page's small script (script.ts) only filters, searches and,
// in the webview, talks to the extension. No remote resource: styles and script are inline, allowed by nonce.
import { FINDING_CODES } from '../../core/report/codes.js';
import type { PassageSegment } from '../../server/wordDiff.js';
import {
  draftName,
  type ReportModel,
  type ReportPassage,
  type ReportRow,
  type ReportVerdict,
  type ReportCounts,
} from './model.js';
import { REPORT_SCRIPT } from './script.js';
import { REPORT_STYLE } from './style.js';

export interface HtmlOptions {
  /** A fresh random value per page: the only inline style and script the page's security policy allows. */
  nonce: string;
  /** In a webview: its resource origin for the security policy. Absent: a standalone file. */
  webviewCspSource?: string;
  /** In a webview: the draft's URI, kept in the webview's state so the view can be restored after a reload. */
  draftUri?: string;
  /** Where an "open source" link of the standalone file points (a file URL). */
  sourceHref(path: string): string;
  generatedAt: Date;
}

const VERDICTS: ReportVerdict[] = ['contradicted', 'unsupported', 'supported', 'unchecked'];
const VERDICT_LABELS: Record<ReportVerdict, string> = {
  contradicted: 'contradicted',
  unsupported: 'unsupported',
  supported: 'supported',
  unchecked: 'not checked',
};
const VERDICT_ICONS: Record<ReportVerdict, string> = {
  contradicted: '✗',
  unsupported: '?',
  supported: '✓',
  unchecked: '·',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const segments = (parts: readonly PassageSegment[]) =>
  parts.map((part) => (part.marked ? `<mark>${escapeHtml(part.text)}</mark>` : escapeHtml(part.text))).join('');

const total = (counts: ReportCounts) => VERDICTS.reduce((sum, verdict) => sum + counts[verdict], 0);

function countsHtml(counts: ReportCounts): string {
  return VERDICTS.map(
    (verdict) =>
      `<span class="count ${verdict}" data-verdict="${verdict}"><b>${counts[verdict]}</b> ${VERDICT_LABELS[verdict]}</span>`,
  ).join('');
}

/** A bar of the section's sentences by verdict: an SVG, so that widths need no inline style (the policy forbids it). */
function barHtml(counts: ReportCounts): string {
  const all = total(counts);
  let x = 0;
  const rects =
    all === 0
      ? ''
      : ['supported', 'contradicted', 'unsupported', 'unchecked']
          .map((verdict) => {
            const width = (100 * counts[verdict as ReportVerdict]) / all;
            const rect =
              width > 0
                ? `<rect class="${verdict}" x="${x.toFixed(2)}%" y="0" width="${width.toFixed(2)}%" height="100%"/>`
                : '';
            x += width;
            return rect;
          })
          .join('');
  return `<svg class="bar" role="img" aria-label="${counts.supported} of ${all} sentences supported" preserveAspectRatio="none">${rects}</svg>`;
}

function sectionsHtml(model: ReportModel): string {
  const items = model.sections.map((section) => {
    const checked = section.counts.supported + section.counts.contradicted + section.counts.unsupported;
    return (
      `<li class="section" data-line="${section.line}"><span class="section-title" title="${escapeHtml(section.title)}">${escapeHtml(section.title)}</span>` +
      `${barHtml(section.counts)}<span class="section-figure">${section.counts.supported}/${checked} supported</span></li>`
    );
  });
  return `<section class="sections"><h2>Sections</h2><ol>${items.join('')}</ol></section>`;
}

function sourcesHtml(model: ReportModel): string {
  const used = model.used
    .map(
      (use) =>
        `<li data-source="${escapeHtml(use.source.path)}"><span class="source-name">${escapeHtml(use.label)}</span>${use.source.date ? ` <span class="muted">${escapeHtml(use.source.date)}</span>` : ''}` +
        ` <span class="uses">${use.sentences} sentence${use.sentences === 1 ? '' : 's'}</span></li>`,
    )
    .join('');
  const unused = model.unused
    .map(
      (use) =>
        `<li data-source="${escapeHtml(use.source.path)}"><span class="source-name">${escapeHtml(use.label)}</span></li>`,
    )
    .join('');
  return (
    `<section class="sources"><h2>Sources used</h2>${used ? `<ul class="used">${used}</ul>` : '<p class="muted">No sentence rests on a source.</p>'}` +
    (unused ? `<h3>In the sources, never used (${model.unused.length})</h3><ul class="unused">${unused}</ul>` : '') +
    '</section>'
  );
}

function passageHtml(passage: ReportPassage, options: HtmlOptions, className: string): string {
  const range = escapeHtml(JSON.stringify(passage.range));
  const link = `<a class="open-source" href="${escapeHtml(options.sourceHref(passage.source))}" data-source="${escapeHtml(passage.source)}" data-range="${range}">open source</a>`;
  return (
    `<blockquote class="${className}"><p class="passage">${segments(passage.segments)}</p>` +
    `<footer><span class="source-label">${escapeHtml(passage.label)}</span> · <span class="muted">match ${passage.score.toFixed(2)}</span> · ${link}</footer></blockquote>`
  );
}

function rowHtml(row: ReportRow, options: HtmlOptions): string {
  const problems =
    row.problems.length > 0
      ? `<ul class="problems">${row.problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join('')}</ul>`
      : '';
  const source = row.best
    ? passageHtml(row.best, options, 'source-side')
    : '<blockquote class="source-side none"><p class="muted">No source passage comes close.</p></blockquote>';
  const others =
    row.others.length > 0
      ? `<details class="others"><summary>Next-best passage${row.others.length === 1 ? '' : 's'} (${row.others.length})</summary>${row.others.map((passage) => passageHtml(passage, options, 'other')).join('')}</details>`
      : '';
  const { start, end } = row.range;
  return (
    `<article class="row ${row.verdict}" id="row-${row.id}" tabindex="0" data-index="${row.id}" data-verdict="${row.verdict}" data-codes="${row.codes.join(' ')}"` +
    ` data-range="${escapeHtml(JSON.stringify({ start, end }))}">` +
    `<header class="row-head"><span class="verdict">${VERDICT_ICONS[row.verdict]} ${row.verdict}</span> <span class="kind">${row.kind}</span>` +
    ` <span class="where">line ${start.line + 1}</span>${problems}</header>` +
    `<div class="sides"><blockquote class="draft-side"><p class="passage">${segments(row.draft)}</p></blockquote>${source}</div>${others}</article>`
  );
}

/** The part of the page that changes with the draft: the webview replaces it on each update, keeping the toolbar. */
export function renderReportContent(model: ReportModel, options: HtmlOptions): string {
  const rows =
    model.rows.length > 0
      ? model.rows.map((row) => rowHtml(row, options)).join('')
      : '<p class="muted empty">Nothing checked yet: no sentence of this draft states a fact a source could back.</p>';
  return (
    `<header class="summary"><h1>Fact-check report: <span class="draft-name">${escapeHtml(draftName(model))}</span></h1>` +
    `<p class="muted">${escapeHtml(model.path)} · ${options.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</p>` +
    `<div class="counts">${countsHtml(model.counts)}</div></header>` +
    `<div class="overview">${sectionsHtml(model)}${sourcesHtml(model)}</div>` +
    `<section class="rows" aria-label="Checked sentences and quotes">${rows}</section>`
  );
}

function toolbarHtml(): string {
  const verdicts = (['contradicted', 'unsupported', 'supported'] as const)
    .map(
      (verdict) =>
        `<label class="${verdict}"><input type="checkbox" name="verdict" value="${verdict}" checked> ${verdict}</label>`,
    )
    .join('');
  const codes = FINDING_CODES.map((code) => `<option value="${code}">${code}</option>`).join('');
  return (
    `<nav class="toolbar" aria-label="Filters"><span class="filter-verdicts">${verdicts}</span>` +
    `<label>problem <select name="code"><option value="">any</option>${codes}</select></label>` +
    '<label>order <select name="order"><option value="problems">problems first</option><option value="draft">as in the draft</option></select></label>' +
    '<input type="search" name="search" placeholder="Search sentences and sources" aria-label="Search">' +
    '<span class="shown muted" aria-live="polite"></span></nav>'
  );
}

/** One page for one draft (the webview) or several (the CLI checking many drafts at once). */
export function renderReportHtml(models: readonly ReportModel[], options: HtmlOptions): string {
  const origin = options.webviewCspSource ? ` ${options.webviewCspSource}` : '';
  const policy = `default-src 'none'; img-src data:${origin}; style-src 'nonce-${options.nonce}'; script-src 'nonce-${options.nonce}';`;
  return (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${policy}">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>Fact-check report: ${escapeHtml(models.length === 1 ? draftName(models[0]) : `${models.length} drafts`)}</title>` +
    `<style nonce="${options.nonce}">${REPORT_STYLE}</style></head>` +
    `<body class="${options.webviewCspSource ? 'webview' : 'standalone'}"${options.draftUri ? ` data-draft="${escapeHtml(options.draftUri)}"` : ''}>${toolbarHtml()}` +
    `<main id="content">${models.map((model) => renderReportContent(model, options)).join('<hr>')}</main>` +
    `<script nonce="${options.nonce}">${REPORT_SCRIPT}</script></body></html>\n`
  );
}
