// Every call the UI makes, in one place, over the REST API at /api (see the server's /api/openapi.json).
// Responses are normalised here so that the pages depend on these types only.
import { request } from './http';
import { enc } from './router';
import type { CubeJson, ModelJson, TableJson } from './descriptors';

export interface Health {
  ok: boolean;
  version?: string;
}

export interface Project {
  name: string;
}

export interface Preview {
  columns: { name: string; type: string }[];
  rows: unknown[][];
}

export interface Versioned<T> {
  version: number;
  document: T;
}

export interface GroupCount {
  group: number;
  cuboids: string;
  shape: string;
  overCap: boolean;
}

export interface CuboidEstimate {
  dimensions: string[];
  rows: number;
  bytes: number;
}

export interface Validation {
  valid: boolean;
  issues: { path: string; message: string }[];
  groups: GroupCount[];
  totalCuboids?: string;
  cap: number;
  estimates?: CuboidEstimate[];
  estimatedRows?: number;
  estimatedBytes?: number;
}

export interface JobStep {
  name: string;
  state: string;
  progress: number;
  startedAt?: string;
  endedAt?: string;
  durationMs?: number;
  dependsOn?: string[];
  message?: string;
}

export interface Job {
  id: string;
  project: string;
  cube: string;
  kind?: string;
  from?: string;
  to?: string;
  state: string;
  progress: number;
  createdAt?: string;
  startedAt?: string;
  endedAt?: string;
  message?: string;
  steps: JobStep[];
}

export interface Segment {
  name: string;
  from: string;
  to: string;
  state: string;
  rows?: number;
  bytes?: number;
}

export interface SqlResult {
  columns: { name: string; type: string }[];
  rows: unknown[][];
  truncated: boolean;
  elapsedMs: number;
  servedBy?: { cube: string; cuboid: string[] };
  miss?: string;
  plan?: string;
}

const P = (project: string) => `/api/projects/${enc(project)}`;

export const api = {
  health: () => request<Health>('GET', '/api/health'),
  projects: () => request<Project[]>('GET', '/api/projects'),
  createProject: (name: string) => request<Project>('POST', '/api/projects', { name }),

  tables: (p: string) => request<TableJson[]>('GET', `${P(p)}/tables`),
  table: (p: string, t: string) => request<TableJson>('GET', `${P(p)}/tables/${enc(t)}`),
  registerTable: (p: string, body: { name: string; location: string; format: string }) =>
    request<TableJson>('POST', `${P(p)}/tables`, body),
  deleteTable: (p: string, t: string) => request<void>('DELETE', `${P(p)}/tables/${enc(t)}`),
  preview: (p: string, t: string, limit = 50) => request<Preview>('GET', `${P(p)}/tables/${enc(t)}/preview?limit=${limit}`),

  models: (p: string) => request<ModelJson[]>('GET', `${P(p)}/models`),
  model: (p: string, m: string) => request<Versioned<ModelJson>>('GET', `${P(p)}/models/${enc(m)}`),
  createModel: (p: string, doc: ModelJson) => request<Versioned<ModelJson>>('POST', `${P(p)}/models`, doc),
  updateModel: (p: string, doc: ModelJson, version: number) =>
    request<Versioned<ModelJson>>('PUT', `${P(p)}/models/${enc(doc.name)}?version=${version}`, doc),
  deleteModel: (p: string, m: string) => request<void>('DELETE', `${P(p)}/models/${enc(m)}`),
  validateModel: (p: string, doc: ModelJson, signal?: AbortSignal) =>
    request<Validation>('POST', `${P(p)}/models/validate`, doc, signal),

  cubes: (p: string) => request<CubeJson[]>('GET', `${P(p)}/cubes`),
  cube: (p: string, c: string) => request<Versioned<CubeJson>>('GET', `${P(p)}/cubes/${enc(c)}`),
  createCube: (p: string, doc: CubeJson) => request<Versioned<CubeJson>>('POST', `${P(p)}/cubes`, doc),
  updateCube: (p: string, doc: CubeJson, version: number) =>
    request<Versioned<CubeJson>>('PUT', `${P(p)}/cubes/${enc(doc.name)}?version=${version}`, doc),
  deleteCube: (p: string, c: string) => request<void>('DELETE', `${P(p)}/cubes/${enc(c)}`),
  validateCube: (p: string, doc: CubeJson, signal?: AbortSignal) =>
    request<Validation>('POST', `${P(p)}/cubes/validate`, doc, signal),
  segments: (p: string, c: string) => request<Segment[]>('GET', `${P(p)}/cubes/${enc(c)}/segments`),
  dropSegment: (p: string, c: string, s: string) => request<void>('DELETE', `${P(p)}/cubes/${enc(c)}/segments/${enc(s)}`),

  build: (p: string, cube: string, from: string, to: string) =>
    request<Job>('POST', `${P(p)}/cubes/${enc(cube)}/builds`, { from, to }),
  jobs: (p: string) => request<Job[]>('GET', `${P(p)}/jobs`),
  job: (p: string, id: string) => request<Job>('GET', `${P(p)}/jobs/${enc(id)}`),
  stepLog: (p: string, id: string, step: string) =>
    request<{ text: string }>('GET', `${P(p)}/jobs/${enc(id)}/steps/${enc(step)}/log`),
  jobAction: (p: string, id: string, action: 'resume' | 'discard' | 'cancel') =>
    request<Job>('POST', `${P(p)}/jobs/${enc(id)}/${action}`),

  sql: (p: string, sql: string, limit: number, signal?: AbortSignal) =>
    request<SqlResult>('POST', `${P(p)}/sql`, { sql, limit }, signal),
  explain: (p: string, sql: string) => request<{ plan: string }>('POST', `${P(p)}/sql/explain`, { sql }),
};
