/** The review page's styles (inline in the page; system fonts only, nothing loaded). */
export const REVIEW_CSS = `
:root { --line: #dde2e8; --muted: #5d6b7a; --bad: #b42318; --ok: #0f7b3f;
  --value: #ffcc33; --value-edge: #d49b00; --cue: #9fd3ff; --cue-edge: #2f8fdb; --subject: #bdecb3; --subject-edge: #3c9a2f;
  --territory: #f2bff0; --territory-edge: #b24bb0; --period: #ffd0a1; --period-edge: #d9772b; --sentence: #f3f0dc; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Noto Sans", sans-serif; color: #1d232a; background: #f4f6f8; }
header { padding: 10px 20px; background: #22303f; color: #fff; }
header h1 { margin: 0; font-size: 18px; font-weight: 600; }
header h1 span { font-weight: 400; opacity: .75; }
header p { margin: 2px 0 0; opacity: .9; }
header p.has-bad { color: #ffd2cc; }
main { padding: 12px 20px; display: grid; gap: 14px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px 12px; min-width: 0; }
h2 { font-size: 15px; margin: 4px 0 8px; }
h3 { font-size: 14px; margin: 4px 0 6px; }
footer { padding: 4px 20px 16px; color: var(--muted); font-size: 12px; }
.muted { color: var(--muted); }
.small { font-size: 12px; }
.mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
.pad { padding: 8px; }
.warn { background: #fff1ef; border: 1px solid #f3b4ab; color: #7a1c12; border-radius: 4px; padding: 6px 10px; margin: 6px 0; }
.warn ul { margin: 4px 0 0; padding-left: 18px; }
.filters { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; margin-bottom: 8px; }
.filters label { display: inline-flex; gap: 4px; align-items: center; color: var(--muted); }
.filters select, .filters input[type=search] { max-width: 240px; font: inherit; padding: 2px 4px; }
.count { margin-left: auto; font-weight: 600; }
.table-wrap { height: 40vh; min-height: 260px; overflow: auto; border: 1px solid var(--line); border-radius: 4px; }
.table-wrap:focus { outline: 2px solid #8ab4f8; }
table.records { border-collapse: separate; border-spacing: 0; table-layout: fixed; width: 100%; }
table.records th { position: sticky; top: 0; z-index: 1; background: #e9edf2; text-align: left; padding: 0; border-bottom: 1px solid var(--line); }
table.records th button.sort { all: unset; box-sizing: border-box; display: block; width: 100%; padding: 5px 6px; cursor: pointer; font-weight: 600; }
table.records th.asc button.sort::after { content: " ▲"; font-size: 10px; }
table.records th.desc button.sort::after { content: " ▼"; font-size: 10px; }
table.records td { height: 26px; padding: 0 6px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; border-bottom: 1px solid #eef0f3; }
table.records tr.spacer td { padding: 0; border: 0; }
table.records tbody tr[data-r] { cursor: pointer; }
table.records tbody tr[data-r]:hover td { background: #f3f7fc; }
table.records tr.sel td, table.records tr.sel:hover td { background: #d6e6fb; }
table.records td.c-value { font-weight: 600; }
table.records td.c-check { color: var(--ok); }
table.records tr.mismatch td { background: #fff4f2; }
table.records tr.mismatch td.c-check { color: var(--bad); font-weight: 600; }
.c-num { text-align: right; font-variant-numeric: tabular-nums; }
.detail-grid { display: grid; grid-template-columns: minmax(320px, 2fr) 3fr; gap: 18px; }
#detail dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 6px 0; }
#detail dt { color: var(--muted); }
#detail dd { margin: 0; overflow-wrap: anywhere; }
#detail dd.k-value-text { font-weight: 700; background: var(--value); justify-self: start; padding: 0 3px; border-radius: 2px; }
button.link { all: unset; color: #1a56b0; cursor: pointer; text-decoration: underline; }
.doc-head { margin-bottom: 4px; }
.doc-text { position: relative; white-space: pre-wrap; overflow-wrap: anywhere; height: 50vh; min-height: 280px; overflow: auto;
  font: 15px/1.65 Georgia, "DejaVu Serif", "Noto Serif", serif; padding: 8px 12px; border: 1px solid var(--line); border-radius: 4px; background: #fffdf8; }
mark.hl, .legend .hl { color: inherit; background: none; border-radius: 2px; }
.k-sentence { background: var(--sentence) !important; }
.k-period { background: var(--period) !important; }
.k-territory { background: var(--territory) !important; }
.k-subject { background: var(--subject) !important; }
.k-cue { background: var(--cue) !important; }
.k-value { background: var(--value) !important; font-weight: 700; outline: 2px solid var(--value-edge); }
.k-bad { background: #ffe0dc !important; text-decoration: underline wavy var(--bad); text-underline-offset: 3px; }
.k-other, .has-other { text-decoration: underline dotted #555; text-underline-offset: 3px; cursor: pointer; }
.k2-cue { box-shadow: inset 0 -3px 0 var(--cue-edge); }
.k2-subject { box-shadow: inset 0 -3px 0 var(--subject-edge); }
.k2-territory { box-shadow: inset 0 -3px 0 var(--territory-edge); }
.k2-period { box-shadow: inset 0 -3px 0 var(--period-edge); }
.legend { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; font-size: 12px; }
.legend .hl { padding: 1px 6px; border: 1px solid var(--line); }
table.docs { border-collapse: collapse; width: 100%; }
table.docs th { text-align: left; background: #e9edf2; padding: 4px 6px; font-weight: 600; }
table.docs td { border-top: 1px solid var(--line); padding: 4px 6px; vertical-align: top; }
table.docs td:nth-child(2) { max-width: 280px; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 12px; font-weight: 600; }
.badge.ok { background: #dff3e6; color: var(--ok); }
.badge.bad { background: #fde2de; color: var(--bad); }
.error { color: var(--bad); font-size: 12px; max-width: 360px; overflow-wrap: anywhere; }
.warning { color: #8a5a00; font-size: 12px; max-width: 360px; overflow-wrap: anywhere; }
.bad-text { color: var(--bad); font-weight: 600; }
.chips { display: flex; flex-wrap: wrap; gap: 3px; max-height: 7.5em; overflow: auto; }
.chip { border: 1px solid #e4d28f; background: #fff8dc; border-radius: 3px; padding: 0 4px; font-size: 12px; cursor: pointer; white-space: nowrap; }
.chip.bad { border-color: #f3b4ab; background: #fff1ef; }
#charts { display: flex; flex-wrap: wrap; gap: 12px 24px; }
figure.chart { margin: 0; max-width: 100%; overflow-x: auto; }
figure.chart figcaption { margin-bottom: 4px; }
figure.chart svg { display: block; font: 12px system-ui, "DejaVu Sans", sans-serif; }
figure.chart .label { fill: #33404d; }
figure.chart .amount { fill: #1d232a; font-weight: 600; }
figure.chart g.bar { cursor: pointer; }
figure.chart g.bar rect { fill: #4c78a8; }
figure.chart g.bar.plan rect { fill: #f2a541; }
figure.chart g.bar.target rect { fill: #e45756; }
figure.chart g.bar:hover rect { opacity: .75; }
figure.chart .axis { stroke: #7b8794; stroke-width: 1; }
.sw { display: inline-block; width: 10px; height: 10px; border-radius: 2px; vertical-align: -1px; }
.sw.actual { background: #4c78a8; } .sw.plan { background: #f2a541; } .sw.target { background: #e45756; }
@media (max-width: 1000px) { .detail-grid { grid-template-columns: 1fr; } }
`;
