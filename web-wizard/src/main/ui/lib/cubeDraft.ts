// The cube wizard's state and the edits it allows, as pure functions; toCubeJson gives the document the API takes.
// Edits that remove or rename a dimension carry the change into the row key, shardBy and every aggregation group,
// so the draft never points at a dimension that is gone; everything else is left to the API's validation.
import type { AggregationGroupJson, CubeJson, DimensionJson, MeasureFunction, MeasureJson } from './descriptors';

export interface DimensionDraft {
  name: string;
  table: string;
  column: string;
  derived: boolean;
  /** '' for the default (chosen from the column type). */
  encoding: string;
}

export interface MeasureDraft {
  name: string;
  fn: MeasureFunction;
  /** A column or an expression over fact columns; '' for COUNT(*). */
  argument: string;
  /** '' for the inferred type. */
  returnType: string;
}

export interface GroupDraft {
  includes: string[];
  mandatory: string[];
  hierarchies: string[][];
  joints: string[][];
  /** 0 for no cap. */
  dimCap: number;
}

export interface CubeDraft {
  name: string;
  model: string;
  dimensions: DimensionDraft[];
  measures: MeasureDraft[];
  groups: GroupDraft[];
  rowKey: string[];
  /** '' for none. */
  shardBy: string;
  /** Kept as loaded; the wizard does not edit them. */
  mandatoryCuboids: string[][];
}

export const COUNT_MEASURE: MeasureDraft = { name: '_count', fn: 'COUNT', argument: '', returnType: 'BIGINT' };

export function emptyCube(model = ''): CubeDraft {
  return { name: '', model, dimensions: [], measures: [{ ...COUNT_MEASURE }], groups: [], rowKey: [],
    shardBy: '', mandatoryCuboids: [] };
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function storedDimensions(c: CubeDraft): string[] {
  return c.dimensions.filter((d) => !d.derived).map((d) => d.name);
}

export function findDimension(c: CubeDraft, table: string, column: string): DimensionDraft | undefined {
  return c.dimensions.find((d) => same(d.table, table) && same(d.column, column));
}

/** A name for a new dimension on table.column that no dimension or measure has yet. */
export function freshDimensionName(c: CubeDraft, table: string, column: string): string {
  const taken = (n: string) => c.dimensions.some((d) => same(d.name, n)) || c.measures.some((m) => same(m.name, n));
  if (!taken(column)) return column;
  const qualified = `${table}_${column}`;
  if (!taken(qualified)) return qualified;
  for (let i = 2; ; i++) if (!taken(`${qualified}_${i}`)) return `${qualified}_${i}`;
}

export function addDimension(c: CubeDraft, d: DimensionDraft): CubeDraft {
  const dimensions = [...c.dimensions, d];
  return syncRowKey({ ...c, dimensions });
}

/** Removes a dimension and every reference to it. */
export function removeDimension(c: CubeDraft, name: string): CubeDraft {
  const dimensions = c.dimensions.filter((d) => !same(d.name, name));
  return dropReferences({ ...c, dimensions }, name);
}

function dropReferences(c: CubeDraft, name: string): CubeDraft {
  const keep = (list: string[]) => list.filter((n) => !same(n, name));
  const groups = c.groups.map((g) => ({
    includes: keep(g.includes), mandatory: keep(g.mandatory),
    hierarchies: g.hierarchies.map(keep), joints: g.joints.map(keep), dimCap: g.dimCap,
  }));
  return {
    ...c, groups, rowKey: keep(c.rowKey), shardBy: same(c.shardBy, name) ? '' : c.shardBy,
    mandatoryCuboids: c.mandatoryCuboids.map(keep),
  };
}

/** Renames a dimension and every reference to it. */
export function renameDimension(c: CubeDraft, from: string, to: string): CubeDraft {
  const swap = (n: string) => (same(n, from) ? to : n);
  const swapAll = (list: string[]) => list.map(swap);
  return {
    ...c,
    dimensions: c.dimensions.map((d) => (same(d.name, from) ? { ...d, name: to } : d)),
    groups: c.groups.map((g) => ({
      includes: swapAll(g.includes), mandatory: swapAll(g.mandatory),
      hierarchies: g.hierarchies.map(swapAll), joints: g.joints.map(swapAll), dimCap: g.dimCap,
    })),
    rowKey: swapAll(c.rowKey), shardBy: c.shardBy === '' ? '' : swap(c.shardBy),
    mandatoryCuboids: c.mandatoryCuboids.map(swapAll),
  };
}

/** Makes a dimension derived (not stored: out of the row key and the groups) or normal (appended to the row key). */
export function setDerived(c: CubeDraft, name: string, derived: boolean): CubeDraft {
  const dimensions = c.dimensions.map((d) => (same(d.name, name) ? { ...d, derived, encoding: derived ? '' : d.encoding } : d));
  const next = { ...c, dimensions };
  return derived ? dropReferences(next, name) : syncRowKey(next);
}

export function updateDimension(c: CubeDraft, name: string, patch: Partial<Pick<DimensionDraft, 'encoding'>>): CubeDraft {
  return { ...c, dimensions: c.dimensions.map((d) => (same(d.name, name) ? { ...d, ...patch } : d)) };
}

/** The row key holds exactly the stored dimensions: existing order kept, new ones appended, gone ones dropped. */
export function syncRowKey(c: CubeDraft): CubeDraft {
  const stored = storedDimensions(c);
  const kept = c.rowKey.filter((n) => stored.some((s) => same(s, n)));
  const added = stored.filter((s) => !kept.some((n) => same(n, s)));
  return { ...c, rowKey: [...kept, ...added] };
}

/** Moves list[index] by delta places (clamped); returns a new list. */
export function move<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = Math.max(0, Math.min(list.length - 1, index + delta));
  const out = [...list];
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item);
  return out;
}

// ---- aggregation groups

export function groupOfAll(c: CubeDraft): GroupDraft {
  return { includes: storedDimensions(c), mandatory: [], hierarchies: [], joints: [], dimCap: 0 };
}

export type Role = { kind: 'mandatory' } | { kind: 'hierarchy' | 'joint'; index: number };

/** What rule each dimension of a group already has (a dimension has one at most). */
export function rolesOf(g: GroupDraft): Map<string, Role> {
  const roles = new Map<string, Role>();
  const put = (n: string, r: Role) => { if (!roles.has(n.toLowerCase())) roles.set(n.toLowerCase(), r); };
  g.mandatory.forEach((n) => put(n, { kind: 'mandatory' }));
  g.hierarchies.forEach((h, index) => h.forEach((n) => put(n, { kind: 'hierarchy', index })));
  g.joints.forEach((j, index) => j.forEach((n) => put(n, { kind: 'joint', index })));
  return roles;
}

export function roleOf(g: GroupDraft, name: string): Role | undefined {
  return rolesOf(g).get(name.toLowerCase());
}

/** Includes or excludes a dimension; excluding it also takes it out of the group's rules. */
export function toggleInclude(g: GroupDraft, name: string): GroupDraft {
  if (g.includes.some((n) => same(n, name))) {
    const keep = (list: string[]) => list.filter((n) => !same(n, name));
    return { includes: keep(g.includes), mandatory: keep(g.mandatory), hierarchies: g.hierarchies.map(keep),
      joints: g.joints.map(keep), dimCap: g.dimCap };
  }
  return { ...g, includes: [...g.includes, name] };
}

export function toggleMandatory(g: GroupDraft, name: string): GroupDraft {
  if (g.mandatory.some((n) => same(n, name))) return { ...g, mandatory: g.mandatory.filter((n) => !same(n, name)) };
  return { ...g, mandatory: [...g.mandatory, name] };
}

export type RuleKind = 'hierarchies' | 'joints';

export function addRule(g: GroupDraft, kind: RuleKind, dims: string[] = []): GroupDraft {
  return { ...g, [kind]: [...g[kind], dims] };
}

export function removeRule(g: GroupDraft, kind: RuleKind, index: number): GroupDraft {
  return { ...g, [kind]: g[kind].filter((_, i) => i !== index) };
}

export function setRule(g: GroupDraft, kind: RuleKind, index: number, dims: string[]): GroupDraft {
  return { ...g, [kind]: g[kind].map((r, i) => (i === index ? dims : r)) };
}

/** The dimensions a rule of the group may still take: included and without another role. */
export function freeForRule(g: GroupDraft): string[] {
  const roles = rolesOf(g);
  return g.includes.filter((n) => !roles.has(n.toLowerCase()));
}

export function setGroup(c: CubeDraft, index: number, g: GroupDraft): CubeDraft {
  return { ...c, groups: c.groups.map((old, i) => (i === index ? g : old)) };
}

// ---- measures

export function freshMeasureName(c: CubeDraft, base: string): string {
  const taken = (n: string) => c.dimensions.some((d) => same(d.name, n)) || c.measures.some((m) => same(m.name, n));
  if (!taken(base)) return base;
  for (let i = 2; ; i++) if (!taken(`${base}_${i}`)) return `${base}_${i}`;
}

/** A measure name from its function and argument: sum_clicks, reach_user_id, ... */
export function suggestMeasureName(fn: MeasureFunction, argument: string): string {
  const words = argument.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  const prefix = fn === 'COUNT_DISTINCT' ? 'distinct' : fn.toLowerCase();
  return words ? `${prefix}_${words}`.slice(0, 60) : prefix;
}

// ---- JSON

export function toCubeJson(c: CubeDraft): CubeJson {
  const dimensions: DimensionJson[] = c.dimensions.map((d) => {
    const out: DimensionJson = { name: d.name.trim(), table: d.table, column: d.column };
    if (d.derived) out.derived = true;
    if (!d.derived && d.encoding.trim() !== '') out.encoding = d.encoding.trim();
    return out;
  });
  const measures: MeasureJson[] = c.measures.map((m) => {
    const out: MeasureJson = { name: m.name.trim(), function: m.fn };
    if (m.argument.trim() !== '') out.argument = m.argument.trim();
    if (m.returnType.trim() !== '') out.returnType = m.returnType.trim();
    return out;
  });
  const json: CubeJson = { kind: 'cube', schemaVersion: 1, name: c.name.trim(), model: c.model, dimensions, measures };
  if (c.groups.length > 0) {
    json.aggregationGroups = c.groups.map((g) => {
      const out: AggregationGroupJson = { includes: [...g.includes] };
      if (g.mandatory.length > 0) out.mandatory = [...g.mandatory];
      // A rule just added in the wizard, with no dimension picked yet, is not part of the cube.
      const hierarchies = g.hierarchies.filter((h) => h.length > 0);
      const joints = g.joints.filter((j) => j.length > 0);
      if (hierarchies.length > 0) out.hierarchies = hierarchies.map((h) => [...h]);
      if (joints.length > 0) out.joints = joints.map((j) => [...j]);
      if (g.dimCap !== 0) out.dimCap = g.dimCap;
      return out;
    });
  }
  if (c.mandatoryCuboids.length > 0) json.mandatoryCuboids = c.mandatoryCuboids.map((m) => [...m]);
  if (c.rowKey.length > 0) json.rowKey = [...c.rowKey];
  if (c.shardBy !== '') json.shardBy = c.shardBy;
  return json;
}

export function fromCubeJson(json: CubeJson): CubeDraft {
  return {
    name: json.name,
    model: json.model,
    dimensions: json.dimensions.map((d) => ({ name: d.name, table: d.table, column: d.column,
      derived: d.derived === true, encoding: d.encoding ?? '' })),
    measures: json.measures.map((m) => ({ name: m.name, fn: m.function, argument: m.argument ?? '',
      returnType: m.returnType ?? '' })),
    groups: (json.aggregationGroups ?? []).map((g) => ({ includes: [...g.includes], mandatory: [...(g.mandatory ?? [])],
      hierarchies: (g.hierarchies ?? []).map((h) => [...h]), joints: (g.joints ?? []).map((j) => [...j]),
      dimCap: g.dimCap ?? 0 })),
    rowKey: [...(json.rowKey ?? [])],
    shardBy: json.shardBy ?? '',
    mandatoryCuboids: (json.mandatoryCuboids ?? []).map((m) => [...m]),
  };
}
