import { escapeHtml } from './escape.js';
import type { Bucket, TimelinePoint } from '../summary-report.js';

export interface Datum {
  label: string;
  value: number;
  color: string;
  /** tooltip: a native SVG <title>, so it works without script */
  tip: string;
}

const COUNT = new Intl.NumberFormat('en-US');
export const formatCount = (n: number): string => COUNT.format(n);

/** An integer tick step of 1, 2 or 5 × 10^k, so axis labels stay round. */
function niceStep(rough: number): number {
  if (rough <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(rough));
  const m = rough / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function svg(testid: string, label: string, width: number, height: number, body: string): string {
  return `<svg class="chart${width > 800 ? ' wide' : ''}" data-testid="${testid}" width="${width}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}">${body}</svg>`;
}

/** Horizontal bars, one row per datum, scaled to the largest. */
export function barChart(data: Datum[], opts: { testid: string; label: string; width?: number; labelWidth?: number }): string {
  const width = opts.width ?? 560;
  const labelW = opts.labelWidth ?? 150;
  const plotW = width - labelW - 64;
  const row = 26;
  const max = Math.max(1, ...data.map((d) => d.value));
  const rows = data.map((d, i) => {
    const y = i * row;
    const w = d.value > 0 ? Math.max(2, (plotW * d.value) / max) : 0;
    const mid = y + row / 2;
    return `<g class="row"><title>${escapeHtml(d.tip)}</title>` +
      `<text class="label" x="${labelW - 10}" y="${mid}" text-anchor="end" dominant-baseline="central">${escapeHtml(clip(d.label, Math.floor(labelW / 7)))}</text>` +
      `<rect class="track" x="${labelW}" y="${y + 5}" width="${plotW}" height="${row - 10}" rx="3"/>` +
      `<rect class="bar" x="${labelW}" y="${y + 5}" width="${w.toFixed(1)}" height="${row - 10}" rx="3" fill="${d.color}"/>` +
      `<text class="value" x="${(labelW + w + 6).toFixed(1)}" y="${mid}" dominant-baseline="central">${formatCount(d.value)}</text></g>`;
  });
  return svg(opts.testid, opts.label, width, data.length * row, rows.join(''));
}

/** A ring of slices in order, clockwise from twelve o'clock, with the total in the middle. */
export function donutChart(data: Datum[], opts: { testid: string; label: string; total: number }): string {
  const [c, r] = [100, 72];
  const sum = data.reduce((s, d) => s + d.value, 0) || 1;
  const gap = data.filter((d) => d.value > 0).length > 1 ? 0.012 : 0;
  const point = (a: number): string => `${(c + r * Math.sin(a)).toFixed(2)} ${(c - r * Math.cos(a)).toFixed(2)}`;
  let from = 0;
  const slices = data.filter((d) => d.value > 0).map((d) => {
    const turn = (2 * Math.PI * d.value) / sum;
    const tip = `<title>${escapeHtml(d.tip)}</title>`;
    const a0 = from + gap / 2;
    const a1 = Math.max(a0 + 0.002, from + turn - gap / 2);
    from += turn;
    const shape = turn >= 2 * Math.PI - 1e-9
      ? `<circle class="slice" cx="${c}" cy="${c}" r="${r}"`
      : `<path class="slice" d="M ${point(a0)} A ${r} ${r} 0 ${a1 - a0 > Math.PI ? 1 : 0} 1 ${point(a1)}"`;
    return `${shape} fill="none" stroke="${d.color}" stroke-width="34">${tip}</${shape.startsWith('<circle') ? 'circle' : 'path'}>`;
  });
  const centre = `<text class="donut-total" x="${c}" y="${c - 4}" text-anchor="middle">${formatCount(opts.total)}</text>` +
    `<text class="donut-caption" x="${c}" y="${c + 18}" text-anchor="middle">messages</text>`;
  return svg(opts.testid, opts.label, 2 * c, 2 * c, slices.join('') + centre);
}

interface Column {
  start: string;
  end: string;
  errors: number;
  other: number;
}

// A forced `--bucket minute` over weeks gives thousands of points; more columns than this would be
// thinner than a pixel, so neighbours are merged as the terminal sparkline does.
const MAX_COLUMNS = 240;

function columns(points: TimelinePoint[]): Column[] {
  const step = Math.max(1, Math.ceil(points.length / MAX_COLUMNS));
  const out: Column[] = [];
  for (let i = 0; i < points.length; i += step) {
    const group = points.slice(i, i + step);
    out.push({
      start: group[0]!.start,
      end: group[group.length - 1]!.start,
      errors: group.reduce((s, p) => s + p.errors, 0),
      other: group.reduce((s, p) => s + p.other, 0),
    });
  }
  return out;
}

function timeLabel(iso: string, bucket: Bucket): string {
  if (bucket === 'day') return iso.slice(0, 10);
  if (bucket === 'hour') return `${iso.slice(5, 10)} ${iso.slice(11, 13)}:00`;
  return iso.slice(11, 16);
}

const whenTip = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

/** Columns per time bucket, errors-and-worse stacked under the rest, on a true time axis. */
export function timelineChart(points: TimelinePoint[], bucket: Bucket): string {
  const [width, height, left, right, top, bottom] = [1080, 230, 56, 44, 12, 30];
  const cols = columns(points);
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const rawMax = Math.max(1, ...cols.map((c) => c.errors + c.other));
  const step = niceStep(rawMax / 4);
  const max = step * Math.ceil(rawMax / step);
  const y = (n: number): number => top + plotH - (plotH * n) / max;
  const grid: string[] = [];
  for (let v = 0; v <= max; v += step) {
    grid.push(`<line class="grid" x1="${left}" x2="${width - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}"/>` +
      `<text class="axis" x="${left - 8}" y="${y(v).toFixed(1)}" text-anchor="end" dominant-baseline="central">${formatCount(v)}</text>`);
  }
  const colW = plotW / cols.length;
  // A few buckets would otherwise be slabs as wide as the chart; thin columns read as a time series.
  const barW = colW >= 4 ? Math.min(colW - Math.min(colW * 0.2, 6), 56) : colW;
  const bars = cols.map((c, i) => {
    const x = (left + i * colW + (colW - barW) / 2).toFixed(1);
    const w = barW.toFixed(1);
    const when = c.start === c.end ? whenTip(c.start) : `${whenTip(c.start)} – ${whenTip(c.end)}`;
    const tip = `${when} UTC: ${formatCount(c.errors)} errors-or-worse, ${formatCount(c.other)} other`;
    const seg = (cls: string, from: number, n: number): string =>
      n === 0 ? '' : `<rect class="${cls}" x="${x}" y="${y(from + n).toFixed(1)}" width="${w}" height="${(y(from) - y(from + n)).toFixed(1)}"/>`;
    return `<g class="col"><title>${escapeHtml(tip)}</title><rect class="hit" x="${x}" y="${top}" width="${w}" height="${plotH}"/>` +
      `${seg('seg-errors', 0, c.errors)}${seg('seg-other', c.errors, c.other)}</g>`;
  });
  const ticks = Math.min(cols.length, 7);
  const labels: string[] = [];
  for (let t = 0; t < ticks; t++) {
    const i = ticks === 1 ? 0 : Math.round((t * (cols.length - 1)) / (ticks - 1));
    const x = left + (i + 0.5) * colW;
    labels.push(`<text class="axis" x="${x.toFixed(1)}" y="${height - 8}" text-anchor="middle">${escapeHtml(timeLabel(cols[i]!.start, bucket))}</text>`);
  }
  const label = `Messages per ${bucket}, errors and worse stacked under the rest`;
  return svg('chart-timeline', label, width, height, grid.join('') + bars.join('') + labels.join(''));
}
