/** The report's stylesheet: readable on screen and on paper, with visible focus and enough contrast. */

export const STYLE = `
:root { --ink: #1b1f24; --muted: #4a5560; --line: #d0d7de; --focus: #b45309; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; line-height: 1.5; background: #fff; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; margin-top: 2.5rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin-top: 1.75rem; }
nav a { margin-right: 1rem; }
.meta { color: var(--muted); }
table { border-collapse: collapse; margin: .75rem 0; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); padding-bottom: .35rem; }
th, td { border: 1px solid var(--line); padding: .3rem .55rem; text-align: left; vertical-align: top; }
thead th { background: #f3f5f7; }
td.num, th.num { text-align: right; }
.heatmap td { text-align: right; min-width: 4.5rem; }
.heatmap tr.code th { padding-left: 1.6rem; font-weight: normal; }
.heatmap tr.cluster th { font-weight: 600; }
.heatmap button { font: inherit; color: inherit; background: none; border: 0; padding: .1rem .25rem; cursor: pointer; }
.heatmap td button { width: 100%; text-align: right; text-decoration: underline dotted; }
.heatmap th button::before { content: "▸ "; }
.heatmap th button[aria-expanded="true"]::before { content: "▾ "; }
.js .heatmap tr.code.hidden { display: none; }
button:focus-visible, a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.legend { display: flex; gap: .2rem; align-items: center; color: var(--muted); font-size: .9rem; }
.legend span { display: inline-block; width: 1.6rem; height: 1rem; border: 1px solid var(--line); }
.words { display: flex; flex-wrap: wrap; gap: 0 1.5rem; align-items: flex-start; }
.summary td:first-child { white-space: nowrap; font-weight: 600; }
.summary td { max-width: 40rem; }
dl.codes dt { font-weight: 600; margin-top: 1rem; }
dl.codes dd { margin-left: 1.5rem; }
dl.codes .swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; margin-right: .4rem; vertical-align: baseline; }
dialog { max-width: 48rem; width: calc(100% - 3rem); border: 1px solid var(--line); border-radius: 6px; padding: 1.25rem 1.5rem; }
dialog::backdrop { background: rgba(20, 24, 28, .45); }
dialog h2 { margin-top: 0; }
dialog .close { float: right; font: inherit; padding: .2rem .7rem; }
dialog ol { padding-left: 1.2rem; }
dialog li { margin-bottom: .9rem; }
dialog blockquote { margin: 0; }
dialog cite { display: block; color: var(--muted); font-style: normal; font-size: .9rem; }
dialog .matched { display: block; color: var(--muted); font-size: .9rem; }
@media print {
  nav, dialog, .legend, .help { display: none !important; }
  .heatmap tr.code.hidden { display: table-row !important; }
  .heatmap button { text-decoration: none !important; }
  .heatmap th button::before { content: "" !important; }
  body { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  table { break-inside: auto; }
  tr { break-inside: avoid; }
}
`;
