// Colours follow the terminal palette (0-3 red, 4 amber, 5 cyan, 6 green, 7 grey), deepened for a
// white page; the category ring uses a qualitative set that stays distinct in print.
export const SEVERITY_COLORS = ['#7f1d1d', '#b91c1c', '#dc2626', '#ef4444', '#f59e0b', '#0891b2', '#16a34a', '#94a3b8'];
export const CATEGORY_COLORS = ['#2563eb', '#f97316', '#10b981', '#a855f7', '#e11d48', '#0ea5e9', '#eab308', '#14b8a6', '#8b5cf6', '#64748b'];
export const KNOWN_COLOR = '#3b82f6';
export const UNKNOWN_COLOR = '#d97706';

export const CSS = `
:root { color-scheme: light; --bg: #f5f6f8; --card: #fff; --ink: #111827; --muted: #6b7280; --line: #e5e7eb;
  --soft: #f1f3f6; --err: #dc2626; --other: #93c5fd; --accent: #2563eb; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 32px 24px 48px; }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px 16px; margin-bottom: 20px; }
h1 { font-size: 24px; margin: 0; letter-spacing: -0.01em; }
h1 span { color: var(--accent); }
header .files { color: var(--muted); overflow-wrap: anywhere; }
h2 { font-size: 15px; margin: 0 0 12px; display: flex; align-items: baseline; gap: 10px; }
h2 small { font-weight: 400; color: var(--muted); font-size: 12px; }
.kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 12px; }
.kpi { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 12px 16px; }
.kpi .k { color: var(--muted); font-size: 11px; text-transform: uppercase; letter-spacing: 0.06em; }
.kpi .v { display: block; font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; line-height: 1.3; }
.kpi .v.time { font-size: 15px; padding-top: 5px; }
.kpi .sub { color: var(--muted); font-size: 12px; }
.kpi.warn .v { color: #b45309; }
.panel { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 18px 20px; margin-top: 16px;
  box-shadow: 0 1px 2px rgba(16, 24, 40, 0.04); }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.grid2 > .panel { margin-top: 16px; min-width: 0; }
@media (max-width: 1000px) { .grid2 { grid-template-columns: 1fr; } }
.chart { display: block; max-width: 100%; height: auto; }
.panel { overflow-x: auto; }
.chart.wide { width: 100%; min-width: 600px; }
@media (max-width: 600px) { .mini { display: none; } main { padding: 20px 12px 32px; } }
.chart text { font-family: inherit; font-size: 12px; fill: #374151; }
.chart .axis { fill: var(--muted); font-size: 11px; }
.chart .value { fill: var(--muted); font-variant-numeric: tabular-nums; }
.chart .track { fill: var(--soft); }
.chart .grid { stroke: var(--line); stroke-width: 1; }
.chart .hit { fill: transparent; }
.chart .col:hover .hit { fill: rgba(37, 99, 235, 0.06); }
.chart .row:hover .bar, .chart .slice:hover { opacity: 0.8; }
.chart .seg-errors { fill: var(--err); }
.chart .seg-other { fill: var(--other); }
.chart .donut-total { font-size: 24px; font-weight: 650; fill: var(--ink); }
.chart .donut-caption { fill: var(--muted); }
.donut-wrap { display: grid; grid-template-columns: 240px 1fr; gap: 32px; align-items: start; }
.donut-wrap .chart { width: 100%; max-width: 240px; margin: 0 auto; }
@media (max-width: 560px) { .donut-wrap { grid-template-columns: 1fr; } }
.legend { display: flex; gap: 16px; font-size: 12px; color: var(--muted); }
.sw { display: inline-block; width: 10px; height: 10px; border-radius: 3px; margin-right: 6px; vertical-align: -1px; }
.table-wrap { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th { text-align: left; color: var(--muted); font-weight: 600; font-size: 12px; border-bottom: 1px solid var(--line);
  padding: 6px 10px; white-space: nowrap; user-select: none; }
th[role="button"] { cursor: pointer; }
th[aria-sort="ascending"]::after { content: " ▲"; }
th[aria-sort="descending"]::after { content: " ▼"; }
td { padding: 6px 10px; border-bottom: 1px solid var(--soft); vertical-align: top; }
tbody tr:hover { background: #f9fafb; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; overflow-wrap: break-word; }
.muted { color: var(--muted); }
.nowrap { white-space: nowrap; }
.note { color: var(--muted); font-size: 12px; margin: 8px 0 0; }
.empty { color: var(--muted); font-style: italic; margin: 0; }
.sev, .tag { display: inline-block; padding: 0 8px; border-radius: 999px; font-size: 12px; font-weight: 500; white-space: nowrap; }
.sev-0, .sev-1, .sev-2 { background: #fee2e2; color: #991b1b; font-weight: 650; }
.sev-3 { background: #fee2e2; color: #b91c1c; }
.sev-4 { background: #fef3c7; color: #92400e; }
.sev-5 { background: #cffafe; color: #155e75; }
.sev-6 { background: #dcfce7; color: #166534; }
.sev-7 { background: #f1f5f9; color: #475569; }
.tag.unknown { background: #ffedd5; color: #9a3412; }
tr.unknown td:first-child { box-shadow: inset 3px 0 0 ${UNKNOWN_COLOR}; }
.mini { width: 90px; height: 8px; vertical-align: middle; margin-left: 8px; }
.mini rect:first-child { fill: var(--soft); }
.mini rect + rect { fill: var(--accent); }
footer { margin-top: 24px; color: var(--muted); font-size: 12px; }
@media print {
  body { background: #fff; font-size: 12px; }
  main { max-width: none; padding: 0; }
  .panel, .kpi { box-shadow: none; break-inside: avoid; }
  .grid2 { grid-template-columns: 1fr; }
  .panel { overflow: visible; }
  th[role="button"] { cursor: auto; }
  tbody tr:hover { background: none; }
}
`;

// Click (or Enter on) a column heading to sort; numeric cells sort by their data-v.
export const SCRIPT = `
for (const table of document.querySelectorAll('table.sortable')) {
  const heads = [...table.tHead.rows[0].cells];
  heads.forEach((th, col) => {
    th.setAttribute('role', 'button');
    th.tabIndex = 0;
    const sort = () => {
      const numeric = th.classList.contains('num');
      const current = th.getAttribute('aria-sort');
      const dir = current ? (current === 'ascending' ? 'descending' : 'ascending') : (numeric ? 'descending' : 'ascending');
      heads.forEach((h) => h.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', dir);
      const key = (tr) => {
        const td = tr.cells[col];
        return numeric ? Number(td?.dataset.v ?? 0) : (td?.textContent ?? '').trim().toLowerCase();
      };
      const body = table.tBodies[0];
      const rows = [...body.rows].sort((a, b) => {
        const x = key(a), y = key(b);
        return (x < y ? -1 : x > y ? 1 : 0) * (dir === 'ascending' ? 1 : -1);
      });
      body.append(...rows);
    };
    th.addEventListener('click', sort);
    th.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
  });
}
`;
