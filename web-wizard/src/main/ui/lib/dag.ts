// Lays out a job's step graph: each step in the column after its latest dependency (longest path from a root),
// steps of one column stacked in their given order. Unknown dependencies are ignored.

export interface DagNode {
  name: string;
  dependsOn: string[];
}

export interface Placed {
  name: string;
  column: number;
  row: number;
}

export function layoutDag(nodes: DagNode[]): { placed: Placed[]; columns: number; rows: number } {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const column = new Map<string, number>();
  const visiting = new Set<string>();
  const colOf = (name: string): number => {
    const known = column.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) return 0; // a cycle: break it rather than loop
    visiting.add(name);
    const deps = (byName.get(name)?.dependsOn ?? []).filter((d) => byName.has(d));
    const c = deps.length === 0 ? 0 : Math.max(...deps.map(colOf)) + 1;
    visiting.delete(name);
    column.set(name, c);
    return c;
  };
  const rowsUsed = new Map<number, number>();
  const placed = nodes.map((n) => {
    const c = colOf(n.name);
    const row = rowsUsed.get(c) ?? 0;
    rowsUsed.set(c, row + 1);
    return { name: n.name, column: c, row };
  });
  const columns = placed.length === 0 ? 0 : Math.max(...placed.map((p) => p.column)) + 1;
  const rows = Math.max(0, ...rowsUsed.values());
  return { placed, columns, rows };
}
