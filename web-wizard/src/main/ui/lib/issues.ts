// Validation issues by descriptor field path ("lookups[0].foreignKey[1]"), so each control shows its own.
import { ApiError } from './http';

export interface Issue {
  path: string;
  message: string;
}

/** The first message per path; '_other' holds true when the error is not (only) about fields. */
export function fieldErrors(e: unknown): Record<string, string> & { _other?: string } {
  const out: Record<string, string> = {};
  if (e === undefined || e === null) return out;
  if (e instanceof ApiError && e.fields.length > 0) {
    for (const f of e.fields) if (f.path && !(f.path in out)) out[f.path] = f.message;
    if (e.fields.some((f) => !f.path)) out._other = 'yes';
    return out;
  }
  out._other = 'yes';
  return out;
}

export class IssueIndex {
  constructor(readonly issues: Issue[]) {}

  /** The message at exactly this path. */
  at(path: string): string | undefined {
    return this.issues.find((i) => i.path === path)?.message;
  }

  /** Messages at this path or below it (path, path.x, path[i]...). */
  under(path: string): Issue[] {
    return this.issues.filter((i) => i.path === path || i.path.startsWith(path + '.') || i.path.startsWith(path + '['));
  }

  /** Messages under any of these top-level fields. */
  anyOf(...roots: string[]): Issue[] {
    return this.issues.filter((i) => roots.some((r) => i.path === r || i.path.startsWith(r + '.') || i.path.startsWith(r + '[')));
  }

  /** Messages not under any of these roots (shown at the top). */
  outside(...roots: string[]): Issue[] {
    const inside = new Set(this.anyOf(...roots));
    return this.issues.filter((i) => !inside.has(i));
  }
}
