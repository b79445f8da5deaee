// Every call the UI makes, in one place, over the REST API at /api. The contract is the server's
// /api/openapi.json (server/src/main/resources/io/haechi/server/web/openapi.json); the types below follow it.
import { ApiError, request } from './http';
import { enc } from './router';
import type { ColumnJson, CubeJson, ModelJson, TableJson } from './descriptors';

export interface Health {
  status: 'UP' | 'DOWN';
  version: string;
  uptimeSeconds: number;
  store: 'UP' | 'DOWN';
  message?: string;
  jdbcUrl?: string;
  authentication?: boolean;
}

export interface Project {
  name: string;
  tables: number;
  models: number;
  cubes: number;
  segments: number;
  readySegments: number;
  cuboidRows: number;
  bytesStored: number;
}

export interface Versioned<T> {
  kind: string;
  name: string;
  version: number;
  descriptor: T;
  usedBy?: string[];
  segments?: number;
}

export interface Preview {
  table: string;
  columns: ColumnJson[];
  rows: unknown[][];
  truncated: boolean;
  rejectedRows?: number;
}

export interface Issue {
  path: string;
  message: string;
  code?: number;
  name?: string;
}

export interface GroupCount {
  group: number;
  cuboids: number;
  cuboidsText?: string;
  shape: string;
  overCap: boolean;
}

export interface CuboidEstimate {
  id: string;
  dimensions: string[];
  rows?: number | null;
  bytes?: number | null;
  base?: boolean;
}

export interface Estimates {
  source: 'none' | 'segments' | 'sample';
  basis: string;
  from?: string;
  to?: string;
  factRows?: number;
  complete?: boolean;
  totalRows?: number;
  totalBytes?: number;
  cuboids: CuboidEstimate[];
  truncated: boolean;
}

export interface Validation {
  valid: boolean;
  subject: string;
  issues: Issue[];
  groups: GroupCount[];
  totalCuboids?: number;
  cuboidCap: number;
  estimates?: Estimates;
}

export type JobState = 'PENDING' | 'RUNNING' | 'DONE' | 'FAILED' | 'CANCELLED' | 'DISCARDED';

export interface JobStep {
  name: string;
  state: JobState;
  progress: number;
  startedAt?: string | null;
  endedAt?: string | null;
  durationMs?: number | null;
  message?: string;
  dependsOn: string[];
}

export interface Job {
  id: string;
  type: string;
  project: string;
  cube: string;
  segment?: string;
  from?: string;
  to?: string;
  state: JobState;
  queued: boolean;
  orphaned: boolean;
  resumable: boolean;
  discardable?: boolean;
  cancellable?: boolean;
  progress: number;
  createdAt: string;
  startedAt?: string | null;
  endedAt?: string | null;
  elapsedMs?: number;
  etaMs?: number | null;
  message?: string;
  steps: JobStep[];
}

export interface LogLine {
  time: string;
  step: string;
  level: 'INFO' | 'WARN' | 'ERROR';
  message: string;
}

export interface JobLog {
  job: string;
  step?: string;
  lines: LogLine[];
  nextOffset: number;
}

export interface Segment {
  cube: string;
  name: string;
  from: string;
  to: string;
  status: 'BUILDING' | 'READY';
  jobId: string;
  sourceRows: number;
  cuboidRows: number;
  bytes: number;
  cuboids: number;
  shards?: number;
  leftJoinMisses?: Record<string, number>;
}

export interface CubeScanInfo {
  cube: string;
  cuboid: string[];
  segments?: number;
  estimatedRows?: number;
  keyRanges?: string;
  residual?: string;
  postFilter?: string;
}

export interface Realization {
  answerable: boolean;
  scans: CubeScanInfo[];
  pushdown: string[];
  reasons: string[];
  summary: string;
}

export interface Timing {
  planMs: number;
  executeMs: number;
  totalMs: number;
}

export interface SqlColumn {
  name: string;
  type: string;
  jdbcType?: number;
}

export interface SqlResult {
  columns: SqlColumn[];
  rows: unknown[][];
  rowCount: number;
  truncated: boolean;
  limit: number;
  realization: Realization;
  timing: Timing;
}

export interface ExplainResult {
  plan: string;
  realization: Realization;
  timing: Timing;
}

export interface SavedQuery {
  name: string;
  sql: string;
  description?: string;
  chart?: Record<string, unknown>;
  version: number;
  updatedAt: string;
}

export interface Partitions {
  cube: string;
  table: string;
  column: string;
  files: number;
  undatedFiles: number;
  days: number;
  first?: string | null;
  last?: string | null;
  built: { segment: string; from: string; to: string; status: string }[];
  unbuilt: { from: string; to: string }[];
}

export type EstimateMode = 'auto' | 'none' | 'segments' | 'sample';

/**
 * A draft that does not even read (an expression half typed, a bad encoding) is refused with 400 and its field
 * problems; for the UI that is an invalid draft like any other.
 */
async function validation(call: Promise<Validation>): Promise<Validation> {
  try {
    return await call;
  } catch (e) {
    if (e instanceof ApiError && e.status === 400 && e.fields.length > 0) {
      return { valid: false, subject: '', issues: e.fields, groups: [], cuboidCap: DEFAULT_CAP };
    }
    throw e;
  }
}

/** The per-group cap (Kylin's 32,768), until the server says otherwise. */
export const DEFAULT_CAP = 32768;

const P = (project: string) => `/api/projects/${enc(project)}`;
const versionQuery = (version: number, dropSegments = false) =>
  `?version=${version}${dropSegments ? '&dropSegments=true' : ''}`;

export const api = {
  health: () => request<Health>('GET', '/api/health'),
  projects: () => request<Project[]>('GET', '/api/projects'),
  createProject: (name: string) => request<Project>('POST', '/api/projects', { name }),

  tables: (p: string) => request<Versioned<TableJson>[]>('GET', `${P(p)}/tables`),
  table: (p: string, t: string) => request<Versioned<TableJson>>('GET', `${P(p)}/tables/${enc(t)}`),
  registerTable: (p: string, body: { name: string; location: string; format: string; columns?: ColumnJson[]; dryRun?: boolean }) =>
    request<Versioned<TableJson>>('POST', `${P(p)}/tables`, body),
  deleteTable: (p: string, t: string, version: number) =>
    request<void>('DELETE', `${P(p)}/tables/${enc(t)}${versionQuery(version)}`),
  preview: (p: string, t: string, limit = 50) =>
    request<Preview>('GET', `${P(p)}/tables/${enc(t)}/preview?limit=${limit}`),

  models: (p: string) => request<Versioned<ModelJson>[]>('GET', `${P(p)}/models`),
  model: (p: string, m: string) => request<Versioned<ModelJson>>('GET', `${P(p)}/models/${enc(m)}`),
  createModel: (p: string, doc: ModelJson) => request<Versioned<ModelJson>>('POST', `${P(p)}/models`, doc),
  updateModel: (p: string, doc: ModelJson, version: number, dropSegments = false) =>
    request<Versioned<ModelJson>>('PUT', `${P(p)}/models/${enc(doc.name)}${versionQuery(version, dropSegments)}`, doc),
  deleteModel: (p: string, m: string, version: number) =>
    request<void>('DELETE', `${P(p)}/models/${enc(m)}${versionQuery(version)}`),
  validateModel: (p: string, doc: ModelJson, signal?: AbortSignal) =>
    validation(request<Validation>('POST', `${P(p)}/models/validate`, doc, signal)),

  cubes: (p: string) => request<Versioned<CubeJson>[]>('GET', `${P(p)}/cubes`),
  cube: (p: string, c: string) => request<Versioned<CubeJson>>('GET', `${P(p)}/cubes/${enc(c)}`),
  createCube: (p: string, doc: CubeJson) => request<Versioned<CubeJson>>('POST', `${P(p)}/cubes`, doc),
  updateCube: (p: string, doc: CubeJson, version: number, dropSegments = false) =>
    request<Versioned<CubeJson>>('PUT', `${P(p)}/cubes/${enc(doc.name)}${versionQuery(version, dropSegments)}`, doc),
  deleteCube: (p: string, c: string, version: number, dropSegments = false) =>
    request<void>('DELETE', `${P(p)}/cubes/${enc(c)}${versionQuery(version, dropSegments)}`),
  validateCube: (p: string, doc: CubeJson, signal?: AbortSignal, estimate: EstimateMode = 'auto',
    range?: { from: string; to: string }) => {
    const q = new URLSearchParams({ estimate });
    if (range) { q.set('from', range.from); q.set('to', range.to); }
    return validation(request<Validation>('POST', `${P(p)}/cubes/validate?${q}`, doc, signal));
  },

  segments: (p: string, cube?: string) =>
    request<Segment[]>('GET', `${P(p)}/segments${cube ? `?cube=${enc(cube)}` : ''}`),
  dropSegment: (p: string, c: string, s: string) =>
    request<void>('DELETE', `${P(p)}/cubes/${enc(c)}/segments/${enc(s)}`),
  partitions: (p: string, cube: string) => request<Partitions>('GET', `${P(p)}/cubes/${enc(cube)}/partitions`),
  build: (p: string, cube: string, from: string, to: string) =>
    request<Job>('POST', `${P(p)}/cubes/${enc(cube)}/builds`, { from, to }),

  jobs: (p?: string, limit = 100) =>
    request<Job[]>('GET', `/api/jobs?limit=${limit}${p ? `&project=${enc(p)}` : ''}`),
  job: (id: string) => request<Job>('GET', `/api/jobs/${enc(id)}`),
  jobLog: (id: string, step?: string, offset = 0) =>
    request<JobLog>('GET', `/api/jobs/${enc(id)}${step ? `/steps/${enc(step)}` : ''}/log?offset=${offset}`),
  jobAction: (id: string, action: 'resume' | 'discard' | 'cancel') =>
    request<Job>('POST', `/api/jobs/${enc(id)}/${action}`),

  sql: (p: string, sql: string, limit: number, signal?: AbortSignal) =>
    request<SqlResult>('POST', `${P(p)}/sql`, { sql, limit }, signal),
  explain: (p: string, sql: string, signal?: AbortSignal) =>
    request<ExplainResult>('POST', `${P(p)}/explain`, { sql }, signal),

  queries: (p: string) => request<SavedQuery[]>('GET', `${P(p)}/queries`),
  saveQuery: (p: string, q: { name: string; sql: string; description?: string; chart?: Record<string, unknown> }) =>
    request<SavedQuery>('POST', `${P(p)}/queries`, q),
  updateQuery: (p: string, q: { name: string; sql: string; description?: string; chart?: Record<string, unknown> }, version: number) =>
    request<SavedQuery>('PUT', `${P(p)}/queries/${enc(q.name)}${versionQuery(version)}`, q),
  deleteQuery: (p: string, name: string, version: number) =>
    request<void>('DELETE', `${P(p)}/queries/${enc(name)}${versionQuery(version)}`),
};
