// Row key: the order of the stored dimensions in every row key (filters on leading dimensions become key ranges),
// and the optional shard-by dimension. Reorder with the buttons, Alt+↑/↓ on a focused row, or drag and drop.
import { useState } from 'preact/hooks';
import { move, storedDimensions, syncRowKey } from '../../lib/cubeDraft';
import { Field, Notice } from '../../components/ui';
import type { StepProps } from '../CubeWizard';

export function RowKeyStep({ draft, setDraft, issues }: StepProps) {
  const [dragging, setDragging] = useState<number>();
  const [over, setOver] = useState<number>();
  const synced = syncRowKey(draft);
  const rowKey = synced.rowKey;
  if (rowKey.length === 0) return <Notice kind="info">Add normal dimensions first.</Notice>;
  const setOrder = (order: string[]) => setDraft({ ...draft, rowKey: order });
  const moveTo = (from: number, delta: number) => {
    setOrder(move(rowKey, from, delta));
    requestAnimationFrame(() => document.getElementById(`rk-${Math.max(0, Math.min(rowKey.length - 1, from + delta))}`)?.focus());
  };
  const encodingOf = (n: string) => draft.dimensions.find((d) => d.name === n)?.encoding || 'default';
  return (
    <div class="stack">
      <h2>Row key</h2>
      <p class="sub">The order of the dimensions in each row key. Put first the dimensions queries filter on most (the
        date, then the advertiser chain): their filters become key ranges instead of scans.</p>
      {issues.under('rowKey').map((i) => <Notice key={i.path + i.message} kind="bad"><code>{i.path}</code> {i.message}</Notice>)}
      <ol class="order" aria-label="Row key order">
        {rowKey.map((n, i) => (
          <li key={n} id={`rk-${i}`} tabIndex={0} draggable
            class={`${dragging === i ? 'dragging' : ''} ${over === i && dragging !== i ? 'drop' : ''}`}
            aria-label={`${i + 1}. ${n}`}
            onKeyDown={(e) => {
              if (e.altKey && e.key === 'ArrowUp') { e.preventDefault(); moveTo(i, -1); }
              if (e.altKey && e.key === 'ArrowDown') { e.preventDefault(); moveTo(i, 1); }
            }}
            onDragStart={(e) => { setDragging(i); e.dataTransfer?.setData('text/plain', n); }}
            onDragOver={(e) => { e.preventDefault(); setOver(i); }}
            onDragEnd={() => { setDragging(undefined); setOver(undefined); }}
            onDrop={(e) => {
              e.preventDefault();
              if (dragging !== undefined && dragging !== i) setOrder(move(rowKey, dragging, i - dragging));
              setDragging(undefined);
              setOver(undefined);
            }}>
            <span class="name">{n}</span>
            <span class="badge plain">{encodingOf(n)}</span>
            <button type="button" class="ghost icon" aria-label={`Move ${n} up`} disabled={i === 0} onClick={() => moveTo(i, -1)}>↑</button>
            <button type="button" class="ghost icon" aria-label={`Move ${n} down`} disabled={i === rowKey.length - 1} onClick={() => moveTo(i, 1)}>↓</button>
          </li>
        ))}
      </ol>
      <Field label="Shard by" error={issues.at('shardBy')}
        hint="Spreads each cuboid over regions by this dimension's hash; leave it empty for the default spreading">
        {(id, d, bad) => (
          <select id={id} aria-describedby={d} aria-invalid={bad} value={draft.shardBy} style={{ maxWidth: '320px' }}
            onChange={(e) => setDraft({ ...draft, shardBy: (e.target as HTMLSelectElement).value })}>
            <option value="">none</option>
            {storedDimensions(draft).map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        )}
      </Field>
    </div>
  );
}
