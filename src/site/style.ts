/**
 * The colours of a chart's series (CSS classes s0 … s7), in both themes: Okabe & Ito's
 * colour-blind-safe palette with a grey for "other CoPs" last. Every pair stays at least 10 ΔE00
 * apart under simulated protanopia, deuteranopia and tritanopia (test/site/palette.test.ts), and
 * each has at least 3.6:1 contrast against the dark background (the yellow is pale on white, so it
 * comes late: the series are ordered by size).
 */
export const SERIES_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#6e7781'] as const;

const seriesProperties = SERIES_COLOURS.map((colour, k) => `--s${k}: ${colour};`).join(' ');
const seriesRules = SERIES_COLOURS.map((_, k) => `.s${k} .mark, .swatch.s${k} { fill: var(--s${k}); background: var(--s${k}); }`).join('\n');

/** The site's one stylesheet (assets/site.css): light and dark by the reader's setting, and a print layout. */
export const STYLESHEET = `:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --panel: #f6f8fa; --link: #0a58ca;
  --ok: #1a7f37; --risk: #9a6700; --flag: #cf222e; --none: #6e7781;
  --bar: #3b6fb6; --over: #cf222e; --ref: #1b1f24; --track: #e6ebf0;
  ${seriesProperties}
  --reached: #cce3f2; --unreached: #f8d5bd; --shadow: rgba(0, 0, 0, .3);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9aa5b1; --line: #30363d; --panel: #161b22; --link: #79b8ff;
    --ok: #3fb950; --risk: #d29922; --flag: #ff7b72; --none: #8b949e;
    --bar: #79a8e8; --over: #ff7b72; --ref: #e6edf3; --track: #21262d;
    --reached: #12405e; --unreached: #5e2c0c; --shadow: rgba(230, 237, 243, .35);
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--link); }
header.site { border-bottom: 1px solid var(--line); background: var(--panel); }
header.site .inner, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
header.site .inner { display: flex; flex-wrap: wrap; align-items: baseline; gap: .5rem 1.5rem; padding-top: .75rem; padding-bottom: .75rem; }
header.site .org { font-weight: 700; font-size: 1.1rem; color: var(--fg); text-decoration: none; }
nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
nav a[aria-current="page"] { font-weight: 700; color: var(--fg); }
h1 { font-size: 1.8rem; margin: 1.5rem 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; }
.lead { color: var(--muted); margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
/* Text from the data: isolated (<bdi>, unicode-bidi: isolate) so an override in it stays inside it,
   and breakable anywhere so one long word cannot widen a cell, a card or the page. */
bdi { unicode-bidi: isolate; overflow-wrap: anywhere; }
/* …but a row's name keeps a readable width: a narrow table scrolls in its .table-wrap instead. */
tbody th[scope="row"] { min-width: 8rem; }
thead th { font-weight: 600; color: var(--muted); border-bottom: 2px solid var(--line); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.num details { white-space: normal; text-align: left; }
/* A table wider than its box scrolls in it, with a shadow at each edge that has more: the covers
   scroll with the table (local) and hide a shadow (fixed to the box) once that edge is reached. */
.table-wrap {
  overflow-x: auto;
  background:
    linear-gradient(to right, var(--bg) 30%, transparent) left / 2.5rem 100% no-repeat local,
    linear-gradient(to left, var(--bg) 30%, transparent) right / 2.5rem 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, var(--shadow), transparent) left / .9rem 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, var(--shadow), transparent) right / .9rem 100% no-repeat scroll;
}
.table-wrap:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
.scroll-cue { display: none; }
/* On a phone a wide table keeps readable columns and scrolls, and says so above it. */
@media (max-width: 40rem) {
  .scroll-cue { display: block; margin: .5rem 0 0; font-size: .85rem; color: var(--muted); text-align: right; }
  .table-wrap.wide > table { min-width: 40rem; }
  /* …and a narrow table fits: a figure may wrap at its spaces ("handover due 2026-12-01"), a row's name is narrower. */
  .num { white-space: normal; }
  tbody th[scope="row"] { min-width: 6.5rem; }
  .table-wrap.wide tbody th[scope="row"] { min-width: 11rem; }
}
.badge { display: inline-block; padding: 0 .5rem; border-radius: 1rem; font-size: .85rem; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.badge.ok { color: var(--ok); } .badge.at-risk { color: var(--risk); } .badge.flagged { color: var(--flag); } .badge.not-judged { color: var(--none); }
.filters { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; margin: .75rem 0; }
.filters ul { display: inline-flex; flex-wrap: wrap; gap: .25rem .75rem; list-style: none; margin: 0; padding: 0; }
.filters a[aria-current="page"] { font-weight: 700; color: var(--fg); text-decoration: none; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 1rem; margin: 1rem 0; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; }
.card .big { font-size: 1.6rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.card .big.over { color: var(--over); }
.incomplete { border: 2px solid var(--over); border-radius: .4rem; padding: .25rem 1rem; margin: 1rem 0; }
.card p { margin: .25rem 0; }
.verdict { color: var(--ok); } .verdict.over { color: var(--over); }
.muted { color: var(--muted); }
th .muted { font-weight: 400; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: .5rem 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
figure.chart, figure.month-grid { margin: 1rem 0 1.5rem; }
figure.chart figcaption, figure.month-grid figcaption { font-weight: 600; margin-bottom: .25rem; }
/* Reached and unreached months: blue and orange, told apart with any colour vision; the number says it too. */
.month-grid td { text-align: center; min-width: 2.5rem; }
.month-grid td.reached, .swatch.reached { background: var(--reached); }
.month-grid td.unreached, .swatch.unreached { background: var(--unreached); }
.month-grid td.inactive { color: var(--muted); }
.swatch.inactive { outline: 1px solid var(--line); outline-offset: -1px; }
.month-grid td.open { outline: 1px dashed var(--line); outline-offset: -3px; }
/* The plot fills the content width; its y axis' labels are drawn in the margin to its left. */
figure.chart svg.plot { display: block; width: calc(100% - 3.5rem); margin-left: 3.5rem; height: 220px; overflow: visible; }
svg text { fill: var(--muted); font-size: 12px; }
@media (max-width: 40rem) { svg text.minor { display: none; } }
svg .grid { stroke: var(--line); stroke-width: 1; }
svg .mark { fill: var(--bar); }
svg .mark.over { fill: var(--over); }
svg .reference { stroke: var(--ref); stroke-width: 2; stroke-dasharray: 5 3; fill: none; }
svg .track { fill: var(--track); }
svg .tick { stroke: var(--ref); stroke-width: 2; }
${seriesRules}
/* A hairline of background between stacked segments, so neighbours never merge. */
g.stack .mark { stroke: var(--bg); stroke-width: 1; }
ul.key { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; margin: .25rem 0; font-size: .9rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: .15rem; margin-right: .35rem; vertical-align: -.05rem; }
.swatch.bar { background: var(--bar); }
.swatch.reference { width: 1rem; height: 0; border-top: 2px dashed var(--ref); border-radius: 0; vertical-align: .3rem; }
.meter { display: inline-flex; flex-wrap: wrap; align-items: center; gap: .25rem .5rem; white-space: nowrap; }
.meter svg { display: block; }
.meter-text { font-size: .85rem; color: var(--muted); font-variant-numeric: tabular-nums; }
details.chart-data summary { cursor: pointer; color: var(--link); font-size: .9rem; }
.notice { background: var(--panel); border-left: 4px solid var(--risk); padding: .5rem 1rem; margin: 1rem 0; }
ul.plain { padding-left: 1.2rem; }
footer { color: var(--muted); font-size: .85rem; padding-top: 2rem; padding-bottom: 2rem; }
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #333; --line: #999; --panel: #fff; --link: #000; }
  header.site nav, .filters, details.chart-data summary { display: none; }
  a { text-decoration: none; }
  figure.chart, table, .card { break-inside: avoid; }
  h2 { break-after: avoid; }
  body { font-size: 11pt; }
}
`;
