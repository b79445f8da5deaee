// A result grid: typed header, numbers right-aligned, NULL shown as such.
import { isNumericType } from '../lib/chart';

interface Props {
  columns: { name: string; type: string }[];
  rows: unknown[][];
  label: string;
  maxHeight?: number;
}

function cell(v: unknown): string {
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  return String(v);
}

export function DataGrid({ columns, rows, label, maxHeight = 480 }: Props) {
  const numeric = columns.map((c) => isNumericType(c.type));
  return (
    <div class="table-wrap" style={{ maxHeight: `${maxHeight}px` }}>
      <table class="grid" aria-label={label}>
        <thead>
          <tr>{columns.map((c) => <th key={c.name} scope="col">{c.name}<span class="type">{c.type}</span></th>)}</tr>
        </thead>
        <tbody>
          {rows.length === 0 ? <tr><td class="muted" colSpan={Math.max(1, columns.length)}>no rows</td></tr> : null}
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) => (v === null || v === undefined
                ? <td key={j} class="null">NULL</td>
                : <td key={j} class={numeric[j] ? 'num' : ''}>{cell(v)}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
