// The JSON documents of cube-model (io.haechi.model.json): tables, models and cubes, as the API reads and writes them.

export interface ColumnJson {
  name: string;
  type: string;
  nullable?: boolean;
}

export interface TableJson {
  kind: 'table';
  schemaVersion: number;
  name: string;
  location: string;
  format: string;
  columns: ColumnJson[];
}

export type JoinType = 'INNER' | 'LEFT';

export interface LookupJson {
  table: string;
  alias?: string;
  joinType: JoinType;
  joinFrom?: string;
  foreignKey: string[];
  primaryKey: string[];
}

export interface ComputedColumnJson {
  name: string;
  expression: string;
  type?: string;
}

export interface ModelJson {
  kind: 'model';
  schemaVersion: number;
  name: string;
  factTable: string;
  lookups?: LookupJson[];
  partition?: { column: string; dateFormat?: string };
  filter?: string;
  computedColumns?: ComputedColumnJson[];
}

export interface DimensionJson {
  name: string;
  table: string;
  column: string;
  derived?: boolean;
  encoding?: string;
}

export type MeasureFunction = 'SUM' | 'COUNT' | 'MIN' | 'MAX' | 'COUNT_DISTINCT';

export const MEASURE_FUNCTIONS: readonly MeasureFunction[] = ['SUM', 'COUNT', 'MIN', 'MAX', 'COUNT_DISTINCT'];

export interface MeasureJson {
  name: string;
  function: MeasureFunction;
  argument?: string;
  returnType?: string;
}

export interface AggregationGroupJson {
  includes: string[];
  mandatory?: string[];
  hierarchies?: string[][];
  joints?: string[][];
  dimCap?: number;
}

export interface CubeJson {
  kind: 'cube';
  schemaVersion: number;
  name: string;
  model: string;
  dimensions: DimensionJson[];
  measures: MeasureJson[];
  aggregationGroups?: AggregationGroupJson[];
  mandatoryCuboids?: string[][];
  rowKey?: string[];
  shardBy?: string;
}
