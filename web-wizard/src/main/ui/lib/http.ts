// JSON over fetch with the API's error shape: a refusal has a message and, for bad input, one entry per field.

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly code: string | undefined,
    readonly fields: FieldError[]) {
    super(message);
    this.name = 'ApiError';
  }
}

async function failure(res: Response): Promise<ApiError> {
  let body: unknown;
  const text = await res.text();
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const b = (body ?? {}) as Record<string, unknown>;
  const err = (typeof b.error === 'object' && b.error !== null ? b.error : b) as Record<string, unknown>;
  const message = typeof err.message === 'string' ? err.message : text.trim() || `${res.status} ${res.statusText}`;
  const rawFields = Array.isArray(err.fields) ? err.fields : Array.isArray(err.errors) ? err.errors
    : Array.isArray(err.issues) ? err.issues : [];
  const fields = rawFields.filter((f): f is Record<string, unknown> => typeof f === 'object' && f !== null)
    .map((f) => ({ path: String(f.path ?? f.field ?? ''), message: String(f.message ?? '') }));
  const code = typeof err.code === 'string' ? err.code : typeof err.code === 'number' ? String(err.code) : undefined;
  return new ApiError(res.status, message, code, fields);
}

export async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const init: RequestInit = { method, signal, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, `the server did not answer (${(e as Error).message})`, undefined, []);
  }
  if (!res.ok) throw await failure(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

export function isAbort(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}
