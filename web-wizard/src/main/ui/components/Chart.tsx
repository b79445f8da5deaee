// Bar, line and pie charts of a query result, drawn as SVG (no chart library): x is a column's values in row
// order, each y column a series. Bars and lines show at most MAX_POINTS rows, a pie the largest slices.
import { niceTicks, PALETTE, pieSlices, shortNumber, toNumber, type ChartKind } from '../lib/chart';

export const MAX_POINTS = 60;

interface Props {
  kind: ChartKind;
  columns: { name: string; type: string }[];
  rows: unknown[][];
  x: number;
  ys: number[];
}

const W = 820;
const H = 340;
const M = { top: 16, right: 16, bottom: 64, left: 64 };

function label(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  return String(v);
}

export function Chart({ kind, columns, rows, x, ys }: Props) {
  if (x < 0 || ys.length === 0) return <p class="muted">Pick an x column and at least one numeric y column.</p>;
  if (rows.length === 0) return <p class="muted">No rows to chart.</p>;
  const body = kind === 'pie' ? <Pie columns={columns} rows={rows} x={x} y={ys[0]} />
    : <XY kind={kind} columns={columns} rows={rows.slice(0, MAX_POINTS)} x={x} ys={ys} />;
  return (
    <div class="chart-box" data-testid="chart" data-kind={kind}>
      {body}
      {kind !== 'pie' && rows.length > MAX_POINTS ? <p class="sub">The first {MAX_POINTS} of {rows.length} rows.</p> : null}
    </div>
  );
}

function XY({ kind, columns, rows, x, ys }: { kind: 'bar' | 'line'; columns: Props['columns']; rows: unknown[][]; x: number; ys: number[] }) {
  const values = ys.map((y) => rows.map((r) => toNumber(r[y])));
  const all = values.flat().filter((v): v is number => v !== null);
  const ticks = niceTicks(Math.min(0, ...all), Math.max(0, ...all));
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const yPos = (v: number) => M.top + ih - ((v - lo) / (hi - lo || 1)) * ih;
  const band = iw / rows.length;
  const xMid = (i: number) => M.left + band * i + band / 2;
  const every = Math.max(1, Math.ceil(rows.length / 20));
  const barW = Math.max(1, (band * 0.8) / ys.length);
  return (
    <>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img"
        aria-label={`${kind} chart of ${ys.map((y) => columns[y].name).join(', ')} by ${columns[x].name}`}>
        {ticks.map((t) => (
          <g key={t}>
            <line class="gridline" x1={M.left} x2={W - M.right} y1={yPos(t)} y2={yPos(t)} />
            <text x={M.left - 8} y={yPos(t) + 4} text-anchor="end">{shortNumber(t)}</text>
          </g>
        ))}
        <g class="axis"><line x1={M.left} x2={W - M.right} y1={yPos(0)} y2={yPos(0)} /></g>
        {rows.map((r, i) => (i % every === 0 ? (
          <text key={i} x={xMid(i)} y={H - M.bottom + 14} text-anchor="end"
            transform={`rotate(-35 ${xMid(i)} ${H - M.bottom + 14})`}>{label(r[x]).slice(0, 18)}</text>
        ) : null))}
        {kind === 'bar' ? values.map((series, s) => series.map((v, i) => (v === null ? null : (
          <rect key={`${s}-${i}`} class="bar" x={M.left + band * i + band * 0.1 + barW * s} width={barW}
            y={Math.min(yPos(v), yPos(0))} height={Math.abs(yPos(v) - yPos(0))} fill={PALETTE[s % PALETTE.length]}>
            <title>{`${label(rows[i][x])}: ${columns[ys[s]].name} = ${v}`}</title>
          </rect>
        )))) : values.map((series, s) => (
          <g key={s}>
            <polyline fill="none" stroke={PALETTE[s % PALETTE.length]} stroke-width={2}
              points={series.map((v, i) => (v === null ? null : `${xMid(i)},${yPos(v)}`)).filter(Boolean).join(' ')} />
            {series.map((v, i) => (v === null ? null : (
              <circle key={i} class="point" cx={xMid(i)} cy={yPos(v)} r={3} fill={PALETTE[s % PALETTE.length]}>
                <title>{`${label(rows[i][x])}: ${columns[ys[s]].name} = ${v}`}</title>
              </circle>
            )))}
          </g>
        ))}
      </svg>
      <div class="legend">{ys.map((y, s) => <span key={y}><i style={{ background: PALETTE[s % PALETTE.length] }} />{columns[y].name}</span>)}</div>
    </>
  );
}

function Pie({ columns, rows, x, y }: { columns: Props['columns']; rows: unknown[][]; x: number; y: number }) {
  const slices = pieSlices(rows.map((r) => label(r[x])), rows.map((r) => toNumber(r[y])));
  const total = slices.reduce((s, p) => s + p.value, 0);
  if (total <= 0) return <p class="muted">{columns[y].name} has no positive values to share out.</p>;
  const cx = 170;
  const cy = 165;
  const r = 140;
  let angle = -Math.PI / 2;
  return (
    <div class="row center" style={{ alignItems: 'center', gap: '24px' }}>
      <svg viewBox="0 0 340 330" width="340" height="330" role="img" aria-label={`pie chart of ${columns[y].name} by ${columns[x].name}`}>
        {slices.map((s, i) => {
          const a0 = angle;
          const a1 = angle + (s.value / total) * Math.PI * 2;
          angle = a1;
          const large = a1 - a0 > Math.PI ? 1 : 0;
          const p0 = [cx + r * Math.cos(a0), cy + r * Math.sin(a0)];
          const p1 = [cx + r * Math.cos(a1), cy + r * Math.sin(a1)];
          const d = slices.length === 1 ? `M${cx - r},${cy} a${r},${r} 0 1,0 ${2 * r},0 a${r},${r} 0 1,0 ${-2 * r},0`
            : `M${cx},${cy} L${p0[0]},${p0[1]} A${r},${r} 0 ${large} 1 ${p1[0]},${p1[1]} Z`;
          return (
            <path key={s.label} class="slice" d={d} fill={PALETTE[i % PALETTE.length]} stroke="#fff" stroke-width={1.5}>
              <title>{`${s.label}: ${s.value} (${((s.value / total) * 100).toFixed(1)}%)`}</title>
            </path>
          );
        })}
      </svg>
      <div class="legend" style={{ flexDirection: 'column', gap: '4px' }}>
        {slices.map((s, i) => (
          <span key={s.label}><i style={{ background: PALETTE[i % PALETTE.length] }} />{s.label} · {((s.value / total) * 100).toFixed(1)}%</span>
        ))}
      </div>
    </div>
  );
}
