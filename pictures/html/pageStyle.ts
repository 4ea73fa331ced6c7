/** The CSS of every generated page (timelines, reports, diagrams): inline, no web fonts. */
export const PAGE_STYLE = `
:root { --fail: #c62828; --fail-bg: #fdecea; --sel: #1565c0; --sel-bg: #e3f2fd; --muted: #666; --line: #ddd; }
* { box-sizing: border-box; }
body { font: 14px/1.4 system-ui, sans-serif; margin: 16px 24px; color: #222; }
h1 { font-size: 20px; margin: 0 0 8px; } h2 { font-size: 17px; margin: 20px 0 8px; } h3 { font-size: 15px; margin: 12px 0 6px; }
code, .mono, td.mono { font-family: ui-monospace, monospace; font-size: 12.5px; }
table { border-collapse: collapse; margin: 4px 0 12px; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f5f5f5; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.facts td:first-child { color: var(--muted); }
.verdict { font-weight: 600; margin: 8px 0; }
.verdict.ok { color: #2e7d32; } .verdict.bad { color: var(--fail); }
.failure { border: 2px solid var(--fail); background: var(--fail-bg); padding: 8px 12px; margin: 8px 0; border-radius: 4px; }
.failure .property { font-weight: 700; color: var(--fail); }
.failure ul { margin: 4px 0; padding-left: 20px; }
.lanes { overflow-x: auto; border: 1px solid var(--line); margin: 8px 0; }
.lanes svg { display: block; }
.lane-bg { fill: #fafafa; } .lane-bg.odd { fill: #f0f0f0; }
.lane-label { font-size: 12px; fill: #333; }
.axis { font-size: 10px; fill: var(--muted); }
.drain-band { fill: #fff8e1; }
.drain-label { font-size: 10px; fill: #8d6e00; }
.col { fill: transparent; cursor: pointer; }
.col:hover { fill: rgba(21, 101, 192, 0.07); }
.col.selected { fill: var(--sel-bg); }
.col.failing { fill: var(--fail-bg); }
.col.failing.selected { fill: #f8c9c4; }
.mark { cursor: pointer; }
.mark .dot { stroke: #333; stroke-width: 1; }
.mark .secondary { fill: #fff; stroke-width: 2; }
.mark.failing .dot { stroke: var(--fail); stroke-width: 3; }
.mark.selected .dot { stroke: var(--sel); stroke-width: 3; }
.link { stroke: #999; stroke-width: 1.5; }
.link.failing { stroke: var(--fail); }
.panels { display: flex; gap: 16px; flex-wrap: wrap; align-items: flex-start; }
.panel { border: 1px solid var(--line); border-radius: 4px; padding: 8px 12px; min-width: 320px; flex: 1; }
.panel h3 { margin-top: 0; }
.queue-row .label { color: var(--muted); padding-right: 8px; white-space: nowrap; }
.queue-row .item { display: inline-block; border: 1px solid #90a4ae; background: #eceff1; border-radius: 3px; padding: 0 5px; margin: 1px 3px 1px 0; font-family: ui-monospace, monospace; font-size: 12px; }
.empty { color: var(--muted); font-style: italic; }
.steps tr { cursor: pointer; }
.steps tr.selected td { background: var(--sel-bg); }
.steps tr.failing td { background: var(--fail-bg); }
.steps tr.failing td:first-child { border-left: 4px solid var(--fail); }
.steps tr.drain td:nth-child(2)::after { content: " (drain)"; color: #8d6e00; }
.legend span { display: inline-block; margin-right: 12px; font-size: 12px; }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 4px; border: 1px solid #333; vertical-align: middle; }
.tooltip { position: fixed; pointer-events: none; background: #263238; color: #fff; padding: 4px 8px; border-radius: 3px; font: 12px ui-monospace, monospace; white-space: pre; z-index: 10; display: none; }
.bar { display: inline-block; height: 10px; background: #64b5f6; vertical-align: middle; }
.bar.zero { background: none; }
tr.unreached td { color: var(--fail); }
.diagram { overflow-x: auto; border: 1px solid var(--line); }
`;
