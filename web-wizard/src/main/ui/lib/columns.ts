// The column list a CSV table is registered with, typed one per line: "name TYPE [NOT NULL]", e.g.
// "event_date DATE NOT NULL" or "price DECIMAL(10, 2)". Avro tables need none: the server reads their schema.
import type { ColumnJson } from './descriptors';

export interface ParsedColumns {
  columns: ColumnJson[];
  errors: string[];
}

export function parseColumns(text: string): ParsedColumns {
  const columns: ColumnJson[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/--.*$/, '').trim().replace(/,$/, '');
    if (line === '') return;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s+(.+?)(\s+NOT\s+NULL)?$/i.exec(line);
    if (!m) {
      errors.push(`line ${i + 1}: '${raw.trim()}' is not "name TYPE [NOT NULL]"`);
      return;
    }
    columns.push({ name: m[1], type: m[2].replace(/\s+/g, ' ').toUpperCase(), nullable: m[3] === undefined });
  });
  if (columns.length === 0 && errors.length === 0) errors.push('list at least one column');
  return { columns, errors };
}
