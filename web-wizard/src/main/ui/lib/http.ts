// JSON over fetch with the API's error shape: a refusal has a message and, for bad input, one entry per field.

export interface FieldError {
  path: string;
  message: string;
}

/** A refusal as the API describes it: {status, code, tag, name, message, fields, sqlState}. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly code: number | undefined,
    readonly fields: FieldError[], readonly codeName?: string, readonly sqlState?: string) {
    super(message);
    this.name = 'ApiError';
  }
}

async function failure(res: Response): Promise<ApiError> {
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
  } catch {
    // not JSON (a proxy's page, say): the text is the message
  }
  const message = typeof body.message === 'string' ? body.message : text.trim() || `${res.status} ${res.statusText}`;
  const fields = (Array.isArray(body.fields) ? body.fields : [])
    .filter((f): f is Record<string, unknown> => typeof f === 'object' && f !== null)
    .map((f) => ({ path: String(f.path ?? ''), message: String(f.message ?? '') }));
  return new ApiError(res.status, message, typeof body.code === 'number' ? body.code : undefined, fields,
    typeof body.name === 'string' ? body.name : undefined,
    typeof body.sqlState === 'string' ? body.sqlState : undefined);
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
  return (text === '' ? undefined : parseJson(text)) as T;
}

/**
 * JSON.parse, except that an integer too big for a double (a BIGINT id, a huge cuboid count) is kept exactly, as
 * its decimal string, instead of being rounded (2268752737836985276 would read as 2268752737836985300). Uses the
 * reviver's source text (Chromium 114+, Firefox 135+); where that is missing, numbers parse as usual.
 */
export function parseJson(text: string): unknown {
  return JSON.parse(text, (_key, value, context?: { source?: string }) => exactInteger(value, context?.source));
}

/** The reviver's rule: an integer literal a double cannot hold exactly stays its source text. */
export function exactInteger(value: unknown, source: string | undefined): unknown {
  if (typeof value === 'number' && !Number.isSafeInteger(value) && source !== undefined && /^-?\d+$/.test(source)) {
    return source;
  }
  return value;
}

export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

export function isAbort(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}
