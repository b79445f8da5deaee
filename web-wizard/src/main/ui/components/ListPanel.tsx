// A panel holding a list table: a spinner while loading, a sentence when empty, else the table.
import type { ComponentChildren } from 'preact';
import { Spinner } from './ui';

export function ListPanel<T>({ items, empty, label, head, children }: {
  items: T[] | undefined;
  empty: ComponentChildren;
  label: string;
  head: ComponentChildren;
  children: (items: T[]) => ComponentChildren;
}) {
  return (
    <div class="panel" style={{ padding: 0 }}>
      {items === undefined ? <div class="empty"><Spinner /></div>
        : items.length === 0 ? <div class="empty">{empty}</div>
        : (
          <div class="table-wrap" style={{ border: 'none' }}>
            <table class="grid" aria-label={label}>
              <thead>{head}</thead>
              <tbody>{children(items)}</tbody>
            </table>
          </div>
        )}
    </div>
  );
}
