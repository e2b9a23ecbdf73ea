// Report files: the same report as a self-contained HTML page (inline CSS and
// SVG, no script, nothing fetched, every piece of text from the workspace
// escaped), as CSV (the numbers, one row per document and a total) and as JSON.

import { MQM_SEVERITIES } from './mqm';
import { STATUS_LABELS } from './model';
import { setWordsFrom, type DocumentScorecard, type Insights, type TagLabel, type WorkspaceScorecard } from './reports';
import type { Scorecard } from './scorecard';

/** One report: the workspace scorecard over the chosen documents, each document's scorecard, and the insights. */
export interface Report {
  /** ISO 8601 time it was made. */
  generatedAt: string;
  workspace: WorkspaceScorecard;
  documents: DocumentScorecard[];
  insights: Insights;
}

export const REPORT_FORMATS = ['html', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Version of the JSON report's shape. */
export const REPORT_JSON_VERSION = 1;

export function reportFile(report: Report, format: ReportFormat): { name: string; content: string } {
  const stamp = report.generatedAt.slice(0, 10);
  const content = format === 'html' ? reportHtml(report) : format === 'csv' ? reportCsv(report) : reportJson(report);
  return { name: `scholia-report-${stamp}.${format}`, content };
}

export function reportJson(report: Report): string {
  return `${JSON.stringify({ scholiaReport: REPORT_JSON_VERSION, ...report }, null, 2)}\n`;
}

// ---- CSV ----

const CSV_COLUMNS = ['document_id', 'title', 'words', 'errors', ...MQM_SEVERITIES, 'unrated', 'penalty', 'per_word_penalty', 'score', 'verdict', 'problem'];

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula is prefixed with ' (OWASP's advice). */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRow(id: string, title: string, words: number, card: Scorecard | null, problem: string | null): string {
  const counts = MQM_SEVERITIES.map((s) => card?.totals[s] ?? null);
  return [id, title, words, card?.errorCount ?? null, ...counts, card?.unrated ?? null, card?.penalty ?? null, card?.perWordPenalty ?? null, card?.score ?? null, card?.verdict ?? null, problem]
    .map(csvCell)
    .join(',');
}

/** One row per document, then the total over them all (document_id `*`). */
export function reportCsv(report: Report): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const d of report.documents) lines.push(csvRow(d.document.id, d.document.title, d.words, d.scorecard, d.problem));
  const w = report.workspace;
  lines.push(csvRow('*', 'all documents', w.documents.reduce((n, d) => n + d.words, 0), w.scorecard, w.problem));
  return `${lines.join('\r\n')}\r\n`;
}

// ---- HTML ----

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const fixed = (n: number, digits = 2) => (Number.isInteger(n) ? String(n) : n.toFixed(digits));

function tagName(tags: readonly TagLabel[], id: string | null): string {
  if (id === null) return '';
  return tags.find((t) => t.id === id)?.name ?? id;
}

interface Bar {
  label: string;
  value: number;
}

/** A horizontal bar chart as inline SVG; the same figures are always in a table next to it. */
function barChart(title: string, bars: readonly Bar[]): string {
  if (bars.length === 0) return '';
  const max = Math.max(...bars.map((b) => b.value), 1);
  const row = 22;
  const labelWidth = 220;
  const barWidth = 420;
  const height = bars.length * row + 8;
  const items = bars
    .map((b, i) => {
      const y = 4 + i * row;
      const w = (b.value / max) * barWidth;
      return `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(b.label)}</text><rect x="${labelWidth}" y="${y + 3}" width="${fixed(w)}" height="${row - 8}"/><text x="${labelWidth + w + 6}" y="${y + 15}">${fixed(b.value)}</text>`;
    })
    .join('');
  return `<svg class="chart" role="img" viewBox="0 0 ${labelWidth + barWidth + 80} ${height}" width="100%" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>${items}</svg>`;
}

function scorecardSummary(card: Scorecard | null, problem: string | null, words: number, wordsFrom: string): string {
  if (!card) return `<p class="problem">No score: ${escapeHtml(problem ?? 'no figures')}</p>`;
  const { multipliers, threshold } = card.settings;
  return `<dl class="summary">
<dt>Quality score</dt><dd class="score">${fixed(card.score)}</dd>
<dt>Verdict</dt><dd class="verdict ${card.verdict}">${card.verdict === 'pass' ? 'Pass' : 'Fail'} (threshold ${fixed(threshold)})</dd>
<dt>Evaluated words</dt><dd>${words} (${wordsFrom})</dd>
<dt>Errors</dt><dd>${card.errorCount}${card.unrated ? ` (${card.unrated} without a severity)` : ''}</dd>
<dt>Absolute penalty total</dt><dd>${fixed(card.penalty)}</dd>
<dt>Penalty per word</dt><dd>${fixed(card.perWordPenalty, 4)}</dd>
<dt>Multipliers</dt><dd>${MQM_SEVERITIES.map((s) => `${s} ${fixed(multipliers[s])}`).join(', ')}</dd>
</dl>`;
}

function typeTable(card: Scorecard, tags: readonly TagLabel[]): string {
  if (card.rows.length === 0) return '<p>No MQM errors.</p>';
  const head = `<tr><th scope="col">Category</th><th scope="col">Subcategory</th>${MQM_SEVERITIES.map((s) => `<th scope="col">${s}</th>`).join('')}<th scope="col">No severity</th><th scope="col">Penalty</th></tr>`;
  const body = card.rows
    .map(
      (r) =>
        `<tr><td>${escapeHtml(tagName(tags, r.categoryId))}</td><td>${escapeHtml(tagName(tags, r.subcategoryId))}</td>${MQM_SEVERITIES.map((s) => `<td class="n">${r.counts[s]}</td>`).join('')}<td class="n">${r.unrated}</td><td class="n">${fixed(r.penalty)}</td></tr>`,
    )
    .join('\n');
  const totals = `<tr class="total"><th scope="row" colspan="2">Total</th>${MQM_SEVERITIES.map((s) => `<td class="n">${card.totals[s]}</td>`).join('')}<td class="n">${card.unrated}</td><td class="n">${fixed(card.penalty)}</td></tr>`;
  return `<table><caption>Errors by type and severity</caption><thead>${head}</thead><tbody>${body}\n${totals}</tbody></table>`;
}

function penaltyByCategory(card: Scorecard, tags: readonly TagLabel[]): Bar[] {
  const sums = new Map<string, number>();
  for (const r of card.rows) sums.set(r.categoryId, (sums.get(r.categoryId) ?? 0) + r.penalty);
  return [...sums].map(([id, value]) => ({ label: tagName(tags, id), value }));
}

function documentSection(d: DocumentScorecard): string {
  const card = d.scorecard;
  const errors = d.errors.length
    ? `<table><caption>Errors</caption><thead><tr><th scope="col">Offsets</th><th scope="col">Quote</th><th scope="col">Type</th><th scope="col">Severity</th><th scope="col">Note</th></tr></thead><tbody>${d.errors
        .map(
          (e) =>
            `<tr><td class="n">${e.start}–${e.end}</td><td><q>${escapeHtml(e.quote)}</q></td><td>${escapeHtml(tagName(d.tags, e.subcategoryId ?? e.categoryId))}</td><td>${escapeHtml(e.severity ?? '')}</td><td class="note">${escapeHtml(e.note)}</td></tr>`,
        )
        .join('\n')}</tbody></table>`
    : '';
  return `<section class="document"><h3>${escapeHtml(d.document.title)}</h3>
${scorecardSummary(card, d.problem, d.words, `of the ${d.wordsFrom}`)}
${card ? barChart(`Penalty by category: ${d.document.title}`, penaltyByCategory(card, d.tags)) : ''}
${card ? typeTable(card, d.tags) : ''}
${errors}</section>`;
}

function insightsSection(i: Insights): string {
  const used = i.tags.filter((t) => t.total > 0);
  const names = new Map(i.tags.map((t) => [t.id, t.name]));
  const tagRows = used
    .map((t) => `<tr><td>${escapeHtml(t.parentId ? `${names.get(t.parentId) ?? ''} › ${t.name}` : t.name)}</td><td class="n">${t.direct}</td><td class="n">${t.total}</td></tr>`)
    .join('\n');
  const tags = used.length
    ? `${barChart('Annotations per tag, child tags rolled up', used.map((t) => ({ label: t.name, value: t.total })))}
<table><caption>Annotations per tag</caption><thead><tr><th scope="col">Tag</th><th scope="col">With this tag</th><th scope="col">With it or a child tag</th></tr></thead><tbody>${tagRows}</tbody></table>`
    : '<p>No annotations.</p>';
  const editing = i.postEditing.length
    ? `${barChart('HTER (words) per edited document', i.postEditing.map((p) => ({ label: p.title, value: p.wordHter })))}
<table><caption>Post-editing effort per edited document</caption><thead><tr><th scope="col">Document</th><th scope="col">Edits</th><th scope="col">Edit distance (characters)</th><th scope="col">Edit distance (words)</th><th scope="col">HTER (characters)</th><th scope="col">HTER (words)</th></tr></thead><tbody>${i.postEditing
        .map(
          (p) =>
            `<tr><td>${escapeHtml(p.title)}</td><td class="n">${p.editCount}</td><td class="n">${p.characterDistance}</td><td class="n">${p.wordDistance}</td><td class="n">${fixed(p.characterHter, 4)}</td><td class="n">${fixed(p.wordHter, 4)}</td></tr>`,
        )
        .join('\n')}</tbody></table>`
    : '<p>No document was edited.</p>';
  const activity = i.activity.length
    ? `<table><caption>Edits and annotations per author and day (UTC)</caption><thead><tr><th scope="col">Day</th><th scope="col">Author</th><th scope="col">Edits</th><th scope="col">Annotations</th></tr></thead><tbody>${i.activity
        .map((a) => `<tr><td>${escapeHtml(a.day)}</td><td>${escapeHtml(a.author)}</td><td class="n">${a.edits}</td><td class="n">${a.annotations}</td></tr>`)
        .join('\n')}</tbody></table>`
    : '<p>No edits or annotations.</p>';
  const findings = `<table><caption>Findings per rule before and after fixes</caption><thead><tr><th scope="col">Rule</th><th scope="col">Original text</th><th scope="col">Current text</th></tr></thead><tbody>${i.findings
    .map((f) => `<tr><td>${escapeHtml(f.rule)}</td><td class="n">${f.before}</td><td class="n">${f.after}</td></tr>`)
    .join('\n')}</tbody></table>`;
  const statuses = `${barChart('Documents by status', i.statuses.map((s) => ({ label: STATUS_LABELS[s.status], value: s.documents })))}
<table><caption>Documents by status</caption><thead><tr><th scope="col">Status</th><th scope="col">Documents</th></tr></thead><tbody>${i.statuses
    .map((s) => `<tr><td>${STATUS_LABELS[s.status]}</td><td class="n">${s.documents}</td></tr>`)
    .join('\n')}</tbody></table>`;
  return `<section><h2>Insights</h2><h3>Annotations per tag</h3>${tags}<h3>Findings per rule</h3>${findings}<h3>Documents by status</h3>${statuses}<h3>Post-editing</h3>${editing}<h3>Activity</h3>${activity}</section>`;
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fff; --muted: #5f6368; --line: #d0d4d9; --bar: #3b6fb6; --pass: #1b7a3a; --fail: #b3261e; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8eaed; --bg: #1e1f22; --muted: #a8adb4; --line: #43474e; --bar: #7aa7e8; --pass: #6fd08c; --fail: #f28b82; } }
body { font: 15px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); max-width: 1100px; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2.2rem; } h3 { margin-top: 1.6rem; }
table { border-collapse: collapse; margin: .6rem 0 1.2rem; width: 100%; } caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.total { font-weight: 600; } .muted { color: var(--muted); } .note { white-space: pre-wrap; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; } dt { color: var(--muted); } dd { margin: 0; }
.score { font-size: 1.4rem; font-weight: 700; } .verdict.pass { color: var(--pass); font-weight: 600; } .verdict.fail { color: var(--fail); font-weight: 600; }
svg.chart { max-width: 760px; display: block; margin: .5rem 0; } svg.chart text { font: 12px system-ui, sans-serif; fill: var(--fg); } svg.chart rect { fill: var(--bar); }
@media print { body { margin: 0; max-width: none; } section.document { break-inside: avoid-page; } h2 { break-before: auto; } }
`;

/** The report as one HTML page that opens offline: no script, no external resource, every text escaped. */
export function reportHtml(report: Report): string {
  const w = report.workspace;
  const card = w.scorecard;
  const documentRows = w.documents
    .map(
      (d) =>
        `<tr><td>${escapeHtml(d.title)}</td><td class="n">${d.words}</td><td class="n">${d.errorCount}</td><td class="n">${fixed(d.penalty)}</td><td class="n">${d.score === null ? '—' : fixed(d.score)}</td><td>${d.verdict ?? escapeHtml(d.problem ?? '')}</td></tr>`,
    )
    .join('\n');
  const words = w.documents.reduce((n, d) => n + d.words, 0);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Scholia report ${escapeHtml(report.generatedAt.slice(0, 10))}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>MQM scorecard and insights</h1>
<p class="muted">Made by Scholia on ${escapeHtml(report.generatedAt)} over ${w.documents.length} document${w.documents.length === 1 ? '' : 's'}.</p>
<section><h2>All documents</h2>
${scorecardSummary(card, w.problem, words, setWordsFrom(w))}
${card ? barChart('Penalty by category, all documents', penaltyByCategory(card, w.tags)) : ''}
${card ? typeTable(card, w.tags) : ''}
<table><caption>Score per document</caption><thead><tr><th scope="col">Document</th><th scope="col">Words</th><th scope="col">Errors</th><th scope="col">Penalty</th><th scope="col">Score</th><th scope="col">Verdict</th></tr></thead><tbody>${documentRows}</tbody></table>
</section>
<section><h2>Documents</h2>
${report.documents.map(documentSection).join('\n')}
</section>
${insightsSection(report.insights)}
</body>
</html>
`;
}
