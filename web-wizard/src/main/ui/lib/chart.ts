// Shapes a query result for the line, bar and pie charts: which columns are numeric, the default axes, nice ticks,
// and pie slices (the largest ones, the rest summed as "other").

export type ChartKind = 'bar' | 'line' | 'pie';

export interface ResultColumn {
  name: string;
  type: string;
}

const NUMERIC = /^(TINYINT|SMALLINT|INT|INTEGER|BIGINT|DECIMAL|NUMERIC|REAL|FLOAT|DOUBLE)/i;

export function isNumericType(type: string): boolean {
  return NUMERIC.test(type.trim());
}

export function toNumber(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

/** The default x column (the first non-numeric one, else the first) and y columns (the numeric others, up to 4). */
export function defaultAxes(columns: ResultColumn[]): { x: number; ys: number[] } {
  if (columns.length === 0) return { x: -1, ys: [] };
  let x = columns.findIndex((c) => !isNumericType(c.type));
  if (x < 0) x = 0;
  const ys = columns.map((c, i) => (i !== x && isNumericType(c.type) ? i : -1)).filter((i) => i >= 0).slice(0, 4);
  return { x, ys };
}

/** Tick values from 0 (or the minimum, if negative) to at least max, at a 1/2/5 × 10^k step, about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const lo = Math.min(0, min);
  const hi = max <= lo ? lo + 1 : max;
  const raw = (hi - lo) / Math.max(1, count);
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const start = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let i = 0; ; i++) {
    const v = Number((start + i * step).toPrecision(12));
    ticks.push(v);
    if (v >= hi) return ticks;
  }
}

/** 1,234 / 12.3k / 4.5M / 1.2B for axis labels. */
export function shortNumber(n: number): string {
  const a = Math.abs(n);
  const f = (v: number, s: string) => `${Number(v.toFixed(v >= 100 ? 0 : 1))}${s}`;
  if (a >= 1e12) return f(n / 1e12, 'T');
  if (a >= 1e9) return f(n / 1e9, 'B');
  if (a >= 1e6) return f(n / 1e6, 'M');
  if (a >= 1e4) return f(n / 1e3, 'k');
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(Number(n.toPrecision(4)));
}

export interface Slice {
  label: string;
  value: number;
}

/** Pie slices of a column: non-positive and null values left out, the `max`-1 largest kept, the rest "other". */
export function pieSlices(labels: string[], values: (number | null)[], max = 8): Slice[] {
  const all = labels.map((label, i) => ({ label, value: values[i] ?? 0 })).filter((s) => s.value > 0);
  all.sort((a, b) => b.value - a.value);
  if (all.length <= max) return all;
  const kept = all.slice(0, max - 1);
  const rest = all.slice(max - 1).reduce((sum, s) => sum + s.value, 0);
  return [...kept, { label: `other (${all.length - max + 1})`, value: rest }];
}

export const PALETTE = ['#3b6fd8', '#e0803a', '#2e9f6e', '#c2455b', '#8a63c9', '#4aa7c4', '#b59a2a', '#6b7a8f'];
