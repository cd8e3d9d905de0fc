import { esc } from './escape';

export interface Bar {
  label: string;
  value: number;
  color: string;
}

/**
 * A vertical bar chart as inline SVG. Each bar is a <rect class="bar"> carrying data-label and data-value so
 * the chart can be checked by a test (and read by a screen reader through its <title>).
 */
export function barChart(id: string, title: string, bars: readonly Bar[]): string {
  const width = 460;
  const height = 220;
  const top = 24;
  const bottom = 40;
  const left = 36;
  const plotHeight = height - top - bottom;
  const max = bars.reduce((n, b) => Math.max(n, b.value), 1);
  const slot = (width - left - 8) / Math.max(1, bars.length);
  const barWidth = Math.min(56, slot * 0.7);
  const ticks = axisTicks(max);
  const parts: string[] = [];
  parts.push(`<svg id="${esc(id)}" class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${esc(id)}-title">`);
  parts.push(`<title id="${esc(id)}-title">${esc(title)}</title>`);
  for (const tick of ticks) {
    const y = top + plotHeight - (tick / max) * plotHeight;
    parts.push(`<line class="grid" x1="${left}" x2="${width - 4}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}"/>`);
    parts.push(`<text class="tick" x="${left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end">${tick}</text>`);
  }
  bars.forEach((bar, i) => {
    const h = (bar.value / max) * plotHeight;
    const x = left + slot * i + (slot - barWidth) / 2;
    const y = top + plotHeight - h;
    parts.push(
      `<rect class="bar" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" fill="${esc(bar.color)}" data-label="${esc(bar.label)}" data-value="${bar.value}"><title>${esc(bar.label)}: ${bar.value}</title></rect>`,
    );
    parts.push(`<text class="value" x="${(x + barWidth / 2).toFixed(1)}" y="${(y - 5).toFixed(1)}" text-anchor="middle">${bar.value}</text>`);
    parts.push(`<text class="label" x="${(x + barWidth / 2).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle">${esc(bar.label)}</text>`);
  });
  parts.push(`<line class="axis" x1="${left}" x2="${width - 4}" y1="${top + plotHeight}" y2="${top + plotHeight}"/>`);
  parts.push('</svg>');
  return parts.join('');
}

export interface StackedRow {
  label: string;
  segments: Bar[];
}

/** Horizontal stacked bars, one row per label (debt by owner, split by status). */
export function stackedBarChart(id: string, title: string, rows: readonly StackedRow[]): string {
  const width = 460;
  const rowHeight = 26;
  const left = 150;
  const top = 8;
  const height = top * 2 + Math.max(1, rows.length) * rowHeight;
  const max = rows.reduce((n, r) => Math.max(n, r.segments.reduce((sum, s) => sum + s.value, 0)), 1);
  const plotWidth = width - left - 40;
  const parts: string[] = [];
  parts.push(`<svg id="${esc(id)}" class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${esc(id)}-title">`);
  parts.push(`<title id="${esc(id)}-title">${esc(title)}</title>`);
  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    parts.push(`<text class="label" x="${left - 8}" y="${y + 17}" text-anchor="end">${esc(truncate(row.label, 22))}</text>`);
    let x = left;
    for (const segment of row.segments) {
      if (segment.value === 0) continue;
      const w = (segment.value / max) * plotWidth;
      parts.push(
        `<rect class="bar" x="${x.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowHeight - 8}" fill="${esc(segment.color)}" data-row="${esc(row.label)}" data-label="${esc(segment.label)}" data-value="${segment.value}"><title>${esc(row.label)}, ${esc(segment.label)}: ${segment.value}</title></rect>`,
      );
      x += w;
    }
    const total = row.segments.reduce((n, s) => n + s.value, 0);
    parts.push(`<text class="value" x="${(x + 6).toFixed(1)}" y="${y + 17}">${total}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

function axisTicks(max: number): number[] {
  const step = max <= 5 ? 1 : Math.ceil(max / 5);
  const ticks: number[] = [];
  for (let t = 0; t <= max; t += step) ticks.push(t);
  return ticks;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
