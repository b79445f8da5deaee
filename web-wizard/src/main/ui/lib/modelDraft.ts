// The model designer's state and its JSON. A lookup's join keys are kept as pairs (foreign key on the table it
// joins from, primary key on the lookup), so a composite key is simply more pairs.
import type { ColumnJson, ComputedColumnJson, JoinType, LookupJson, ModelJson, TableJson } from './descriptors';

export interface KeyPair {
  fk: string;
  pk: string;
}

export interface LookupDraft {
  table: string;
  alias: string;
  joinType: JoinType;
  /** The fact table or another lookup's alias (a snowflake). */
  joinFrom: string;
  keys: KeyPair[];
}

export interface ModelDraft {
  name: string;
  factTable: string;
  lookups: LookupDraft[];
  partitionColumn: string;
  dateFormat: string;
  filter: string;
  computedColumns: ComputedColumnJson[];
}

export function emptyModel(): ModelDraft {
  return { name: '', factTable: '', lookups: [], partitionColumn: '', dateFormat: '', filter: '', computedColumns: [] };
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function toModelJson(m: ModelDraft): ModelJson {
  const json: ModelJson = { kind: 'model', schemaVersion: 1, name: m.name.trim(), factTable: m.factTable };
  if (m.lookups.length > 0) {
    json.lookups = m.lookups.map((l): LookupJson => ({
      table: l.table,
      alias: l.alias.trim() === '' ? l.table : l.alias.trim(),
      joinType: l.joinType,
      joinFrom: l.joinFrom === '' ? m.factTable : l.joinFrom,
      foreignKey: l.keys.map((k) => k.fk),
      primaryKey: l.keys.map((k) => k.pk),
    }));
  }
  if (m.partitionColumn !== '') {
    json.partition = { column: m.partitionColumn };
    if (m.dateFormat.trim() !== '') json.partition.dateFormat = m.dateFormat.trim();
  }
  if (m.filter.trim() !== '') json.filter = m.filter.trim();
  if (m.computedColumns.length > 0) json.computedColumns = m.computedColumns.map((c) => ({ ...c }));
  return json;
}

export function fromModelJson(json: ModelJson): ModelDraft {
  return {
    name: json.name,
    factTable: json.factTable,
    lookups: (json.lookups ?? []).map((l) => ({
      table: l.table,
      alias: l.alias ?? l.table,
      joinType: l.joinType,
      joinFrom: l.joinFrom ?? json.factTable,
      keys: l.foreignKey.map((fk, i) => ({ fk, pk: l.primaryKey[i] ?? '' })),
    })),
    partitionColumn: json.partition?.column ?? '',
    dateFormat: json.partition?.dateFormat ?? '',
    filter: json.filter ?? '',
    computedColumns: (json.computedColumns ?? []).map((c) => ({ ...c })),
  };
}

/** The aliases a lookup can join from: the fact table and the lookups before it. */
export function joinSources(m: ModelDraft, lookupIndex: number): string[] {
  const out = m.factTable === '' ? [] : [m.factTable];
  m.lookups.slice(0, lookupIndex).forEach((l) => out.push(l.alias || l.table));
  return out;
}

/** The table behind an alias of the model (the fact table's alias is its name). */
export function tableOfAlias(m: ModelDraft, alias: string): string | undefined {
  if (same(alias, m.factTable)) return m.factTable;
  const l = m.lookups.find((x) => same(x.alias || x.table, alias));
  return l?.table;
}

export function columnsOf(tables: TableJson[], table: string | undefined): ColumnJson[] {
  if (table === undefined) return [];
  return tables.find((t) => same(t.name, table))?.columns ?? [];
}

/** A new lookup of `table` joined from the fact table, its key guessed from a column name both tables share. */
export function newLookup(m: ModelDraft, tables: TableJson[], table: string): LookupDraft {
  const lookupCols = columnsOf(tables, table);
  const factCols = columnsOf(tables, m.factTable);
  const taken = (a: string) => m.lookups.some((l) => same(l.alias || l.table, a)) || same(a, m.factTable);
  let alias = table;
  for (let i = 2; taken(alias); i++) alias = `${table}_${i}`;
  const shared = lookupCols.find((c) => c.name.toLowerCase().endsWith('_id')
    && factCols.some((f) => same(f.name, c.name)))
    ?? lookupCols.find((c) => factCols.some((f) => same(f.name, c.name)));
  const keys = shared ? [{ fk: factCols.find((f) => same(f.name, shared.name))!.name, pk: shared.name }]
    : [{ fk: '', pk: '' }];
  return { table, alias, joinType: 'LEFT', joinFrom: m.factTable, keys };
}

/** Whether a partition column of this type needs a dateFormat (integers and strings do; DATE/TIMESTAMP do not). */
export function needsDateFormat(type: string | undefined): boolean {
  if (type === undefined) return false;
  const t = type.toUpperCase();
  return !(t.startsWith('DATE') || t.startsWith('TIMESTAMP'));
}

/** The columns of every table of the model, by alias: what dimensions and SQL can refer to. */
export interface ModelColumn {
  alias: string;
  table: string;
  column: string;
  type: string;
  fact: boolean;
}

export function modelColumns(model: ModelJson, tables: TableJson[]): ModelColumn[] {
  const out: ModelColumn[] = [];
  for (const c of columnsOf(tables, model.factTable)) {
    out.push({ alias: model.factTable, table: model.factTable, column: c.name, type: c.type, fact: true });
  }
  for (const c of model.computedColumns ?? []) {
    out.push({ alias: model.factTable, table: model.factTable, column: c.name, type: c.type ?? '', fact: true });
  }
  for (const l of model.lookups ?? []) {
    for (const c of columnsOf(tables, l.table)) {
      out.push({ alias: l.alias ?? l.table, table: l.table, column: c.name, type: c.type, fact: false });
    }
  }
  return out;
}
