/**
 * The report as one self-contained HTML file: styles, data and script inline, no request to
 * anywhere. Every table is real table markup and readable without the script; the script adds
 * collapsing clusters and the excerpts behind each number.
 */
import type { Matrix } from '../../analysis/matrix.js';
import type { ReportResult } from '../../app/report.js';
import type { Report, ReportExcerpt } from '../../report/model.js';
import type { DistinctiveRow } from '../../words/result.js';
import { quote } from '../summary.js';
import { readable } from '../text.js';
import { counted } from '../plural.js';
import { SCRIPT } from './script.js';
import { STYLE } from './style.js';
import { reportWordsFor as wordsFor, wordsFor as labelsFor, type ReportWords as Words } from '../labels.js';

/** The registry's entry (formatters/index.ts): the report of `qda report`. */
export const reportHtmlFormat = (result: ReportResult): string => reportHtml(result.report);

export function reportHtml(r: Report): string {
  const w = wordsFor(r.language);
  const byLabel = r.by === 'district' ? w.byDistrict : r.by;
  const data = { words: { none: w.none, excerptsFor: w.excerptsFor, matched: w.matched, shownOf: w.shownOf }, excerpts: r.excerpts.map(excerptData) };
  return `<!doctype html>
<html lang="${esc(r.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(r.generator)}">
<title>${esc(r.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(r.title)}</h1>
<p class="meta">${counted(r.overview.documents, 'document', r.language)}, ${counted(r.overview.segments, 'segment', r.language)}, ${r.overview.coded} ${w.coded} (${pct(r.overview.coded, r.overview.segments)}). ${w.generated} ${esc(r.generator)}.</p>
<nav><a href="#heatmap">${esc(w.heatmap)} ${esc(byLabel)}</a><a href="#summary">${esc(w.summary)} ${esc(byLabel)}</a>${r.words ? `<a href="#words">${esc(w.words)} ${esc(byLabel)}</a>` : ''}<a href="#codebook">${w.codebook}</a><a href="#overview">${w.overview}</a></nav>
</header>
<main>
${heatmap(r, w, byLabel)}
${summary(r, w, byLabel)}
${r.words ? words(r, w, byLabel) : ''}
${codebook(r, w)}
${overview(r, w, byLabel)}
</main>
<dialog id="excerpts" aria-labelledby="excerpts-title">
<button type="button" class="close">${w.close}</button>
<h2 id="excerpts-title"></h2>
<ol></ol>
</dialog>
<script type="application/json" id="qda-data">${json(data)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** An excerpt as the page's script reads it: its text (… where it was cut) and its file:line. */
function excerptData(e: ReportExcerpt): { code: number; columns: number[]; text: string; citation: string; speaker?: string; matched?: string[] } {
  const data = { code: e.code, columns: e.columns, text: e.shortened ? `${e.text} …` : e.text, citation: `${e.path}:${e.line}` };
  return { ...data, ...(e.speaker !== undefined ? { speaker: e.speaker } : {}), ...(e.matched ? { matched: e.matched } : {}) };
}

function heatmap(r: Report, w: Words, byLabel: string): string {
  const { clusters, codes } = r;
  const max = Math.max(1, ...codes.values.flat(), ...clusters.values.flat());
  const codeIndex = new Map(r.codebook.map((c, i) => [c.id, i]));
  const head = `<tr><th scope="col">${esc(w.theme)}</th>${codes.columns.map((c) => `<th scope="col" class="num">${esc(c)}</th>`).join('')}<th scope="col" class="num">${w.total}</th></tr>`;
  const bodies = clusters.rows.map((cluster, i) => {
    const members = codes.rows.map((row, j) => ({ row, j })).filter(({ row }) => r.codebook[codeIndex.get(row.id)!]?.cluster === cluster.id);
    const memberIds = members.map(({ row }) => codeIndex.get(row.id)!).join(' ');
    const head =
      members.length > 0
        ? `<button type="button" aria-expanded="false" aria-controls="${members.map(({ row }) => `row-${slug(row.id)}`).join(' ')}" data-cluster="${esc(cluster.id)}" title="${esc(w.show)}">${esc(cluster.label)}</button>`
        : esc(cluster.label);
    const clusterRow = `<tr class="cluster"><th scope="row">${head}</th>${cells(clusters, i, max, memberIds || String(codeIndex.get(cluster.id)), cluster.label)}</tr>`;
    const codeRows = members
      .map(
        ({ row, j }) =>
          `<tr class="code" id="row-${slug(row.id)}" data-cluster="${esc(cluster.id)}"><th scope="row">${esc(row.label)}</th>${cells(codes, j, max, String(codeIndex.get(row.id)), row.label)}</tr>`,
      )
      .join('\n');
    return `<tbody>\n${clusterRow}\n${codeRows}\n</tbody>`;
  });
  return `<section id="heatmap">
<h2>${esc(w.heatmap)} ${esc(byLabel)}</h2>
<p class="help">${esc(w.heatmapHelp)}</p>
<table class="heatmap">
<caption>${esc(w.heatmap)} ${esc(byLabel)} (${w.segments})</caption>
<thead>${head}</thead>
${bodies.join('\n')}
</table>
<div class="legend" aria-hidden="true">0 ${[0, 0.25, 0.5, 0.75, 1].map((f) => `<span style="background:${shade(f).background}"></span>`).join('')} ${max}</div>
</section>`;
}

function cells(m: Matrix, row: number, max: number, codes: string, label: string): string {
  const values = m.values[row].map((v, col) => {
    const { background, color } = shade(v / max);
    const title = `${label} · ${m.columns[col]}`;
    const inner =
      v > 0
        ? `<button type="button" data-codes="${codes}" data-col="${col}" data-title="${esc(title)}" aria-label="${esc(title)}: ${v}">${v}</button>`
        : '0';
    return `<td style="background:${background};color:${color}">${inner}</td>`;
  });
  const total = m.rowTotals[row];
  const title = `${label}`;
  const totalCell =
    total > 0
      ? `<button type="button" data-codes="${codes}" data-col="-1" data-title="${esc(title)}" aria-label="${esc(title)}: ${total}">${total}</button>`
      : '0';
  return `${values.join('')}<td class="num">${totalCell}</td>`;
}

/**
 * A blue scale light to dark. The middle lightnesses, where neither dark nor white text reaches
 * 4.5:1 contrast, are skipped: light shades carry dark text, dark shades white text.
 */
function shade(f: number): { background: string; color: string } {
  if (f < 0.6) return { background: `hsl(212, 62%, ${Math.round(97 - (f / 0.6) * 35)}%)`, color: '#1b1f24' };
  return { background: `hsl(212, 62%, ${Math.round(40 - ((f - 0.6) / 0.4) * 15)}%)`, color: '#fff' };
}

function summary(r: Report, w: Words, byLabel: string): string {
  const labels = labelsFor(r.language);
  const words = { col: r.by === 'district' ? labels.district : cap(r.by), aspects: labels.aspects, explanation: labels.explanation };
  const tables = r.summary.tables.map((t) => {
    const rows = t.rows
      .map((row) => {
        const aspects = row.aspects.map((a) => `${esc(a.label)} (${a.count})`).join('<br>');
        const e = row.explanation;
        const text =
          e.kind === 'memo'
            ? `${esc(readable(e.text))} <span class="meta">(memo: ${esc(e.source ?? '')})</span>`
            : e.kind === 'excerpt'
              ? `“${esc(quote(readable(e.text)))}” <span class="meta">(${esc([e.speaker, e.source].filter(Boolean).join(', '))})</span>`
              : `<span class="meta">${w.none}</span>`;
        return `<tr><td>${esc(row.value)}</td><td>${aspects}</td><td>${text}</td></tr>`;
      })
      .join('\n');
    const notes = t.notes.map((n) => `<p>${esc(readable(n.text))} <span class="meta">(memo: ${esc(n.source)})</span></p>`).join('\n');
    return `<h3>${esc(t.cluster.label)}</h3>
<table class="summary">
<thead><tr><th scope="col">${esc(words.col)}</th><th scope="col">${words.aspects}</th><th scope="col">${words.explanation}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${notes}`;
  });
  return `<section id="summary">\n<h2>${esc(w.summary)} ${esc(byLabel)}</h2>\n${tables.join('\n')}\n</section>`;
}

/** "Woorden per wijk": per column a small table of its distinctive words. */
function words(r: Report, w: Words, byLabel: string): string {
  const { decimal } = labelsFor(r.language);
  const number = (x: number, decimals: number) => x.toFixed(decimals).replace('.', decimal);
  const tables = (r.words ?? []).map((g) => {
    const p = (d: DistinctiveRow) => (d.pBelow === null ? '' : `&lt; ${number(d.pBelow, String(d.pBelow).length - 2)}`);
    const rows = g.distinctive.map(
      (d) =>
        `<tr><td>${esc(d.term)}</td><td class="num">${d.count}</td><td class="num">${number(d.statistic, 1)}</td><td class="num">${p(d)}</td></tr>`,
    );
    const none = r.wordsMinG2 === undefined ? w.noWords : w.noWordsFrom.replace('{g2}', String(r.wordsMinG2).replace('.', decimal));
    const body = rows.length > 0 ? rows.join('\n') : `<tr><td colspan="4" class="meta">${esc(none)}</td></tr>`;
    return `<table>
<caption>${esc(g.value)} (${g.words} ${w.wordsIn})</caption>
<thead><tr><th scope="col">${w.word}</th><th scope="col" class="num">${w.count}</th><th scope="col" class="num">G²</th><th scope="col" class="num">p</th></tr></thead>
<tbody>
${body}
</tbody>
</table>`;
  });
  return `<section id="words">
<h2>${esc(w.words)} ${esc(byLabel)}</h2>
<p class="help">${esc(w.wordsHelp)}${r.wordsMinG2 === undefined ? '' : ` ${esc(w.cutOff.replace('{g2}', String(r.wordsMinG2).replace('.', decimal)))}`}</p>
<div class="words">
${tables.join('\n')}
</div>
</section>`;
}

function codebook(r: Report, w: Words): string {
  const items = r.codebook.map((c) => {
    const swatch = c.color ? `<span class="swatch" style="background:${esc(c.color)}" aria-hidden="true"></span>` : '';
    const parts = [
      c.description && `<dd><strong>${w.definition}:</strong> ${esc(c.description)}</dd>`,
      c.include && `<dd><strong>${w.include}:</strong> ${esc(c.include)}</dd>`,
      c.exclude && `<dd><strong>${w.exclude}:</strong> ${esc(c.exclude)}</dd>`,
    ].filter(Boolean);
    return `<dt id="code-${slug(c.id)}">${swatch}${esc(c.label)} <span class="meta">${esc(c.id)}</span></dt>\n${parts.join('\n')}`;
  });
  return `<section id="codebook">\n<h2>${w.codebook}</h2>\n<dl class="codes">\n${items.join('\n')}\n</dl>\n</section>`;
}

function overview(r: Report, w: Words, byLabel: string): string {
  const o = r.overview;
  // A document without a type counts under —; the columns go in the order of their headings.
  const heading = (t: string | null) => t ?? '—';
  const order = o.types
    .map((t, i) => ({ key: heading(t), i }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ i }) => i);
  const head = `<tr><th scope="col">${esc(cap(byLabel))}</th>${order.map((i) => `<th scope="col" class="num">${esc(heading(o.types[i]))}</th>`).join('')}<th scope="col" class="num">${w.total}</th></tr>`;
  const rows = o.rows.map(
    (row) =>
      `<tr><th scope="row">${esc(row.value)}</th>${order.map((i) => `<td class="num">${row.counts[i]}</td>`).join('')}<td class="num">${row.total}</td></tr>`,
  );
  return `<section id="overview">
<h2>${w.overview}</h2>
<p>${counted(o.documents, 'document', r.language)}, ${counted(o.segments, 'segment', r.language)}; ${o.coded} ${w.coded} (${pct(o.coded, o.segments)}).</p>
<table>
<caption>${w.documents} · ${esc(byLabel)} × ${w.type.toLowerCase()}</caption>
<thead>${head}</thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON that cannot end the script element it stands in. */
function json(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function slug(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '-');
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function pct(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((100 * part) / whole)}%`;
}
