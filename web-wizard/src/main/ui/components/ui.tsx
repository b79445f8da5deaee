// Small building blocks shared by the pages: labelled fields with inline errors, notices, badges, progress bars.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { onLinkClick } from '../lib/router';
import type { FieldError } from '../lib/http';

let idCounter = 0;
export function useId(prefix = 'f'): string {
  const ref = useRef<string>();
  if (ref.current === undefined) ref.current = `${prefix}-${++idCounter}`;
  return ref.current;
}

interface FieldProps {
  label: string;
  /** The control's id, when the caller needs a fixed one. */
  id?: string;
  error?: string;
  hint?: ComponentChildren;
  class?: string;
  children: (id: string, describedBy: string | undefined, invalid: boolean) => ComponentChildren;
}

/** A label, one control (given the id to use) and the control's error or hint, linked for screen readers. */
export function Field({ label, error, hint, children, class: cls, id: fixedId }: FieldProps) {
  const generated = useId();
  const id = fixedId ?? generated;
  const msgId = `${id}-msg`;
  const described = error || hint ? msgId : undefined;
  return (
    <div class={`field ${cls ?? ''}`}>
      <label for={id}>{label}</label>
      {children(id, described, !!error)}
      {error ? <div class="error" id={msgId} role="alert">{error}</div>
        : hint ? <div class="hint" id={msgId}>{hint}</div> : null}
    </div>
  );
}

export function Link(props: JSX.HTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a {...props} onClick={onLinkClick} />;
}

export function Notice({ kind, children, title }: { kind: 'bad' | 'warn' | 'ok' | 'info'; children?: ComponentChildren; title?: string }) {
  return (
    <div class={`notice ${kind}`} role={kind === 'bad' ? 'alert' : 'status'}>
      {title ? <strong>{title}</strong> : null}
      {title && children ? ' ' : null}
      {children}
    </div>
  );
}

export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  if (error === undefined || error === null) return null;
  const e = error as { message?: string; fields?: FieldError[] };
  const fields = Array.isArray(e.fields) ? e.fields : [];
  return (
    <Notice kind="bad" title={title}>
      {e.message ?? String(error)}
      {fields.length > 0 ? <ul>{fields.map((f) => <li key={f.path + f.message}><code>{f.path}</code> {f.message}</li>)}</ul> : null}
    </Notice>
  );
}

export function StateBadge({ state }: { state: string }) {
  return <span class={`badge ${state.toLowerCase()}`} data-state={state}>{state.toLowerCase().replace(/_/g, ' ')}</span>;
}

export function Progress({ value, state }: { value: number; state?: string }) {
  const pct = Math.max(0, Math.min(100, Math.round(value * 100)));
  const s = (state ?? '').toLowerCase();
  const cls = s === 'done' || s === 'ready' ? 'ok' : s === 'failed' ? 'bad' : '';
  return (
    <div class={`progress ${cls}`} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
      <span style={{ width: `${pct}%` }} />
    </div>
  );
}

export function Spinner({ label = 'Loading' }: { label?: string }) {
  return <span class="row center muted" role="status"><span class="spinner" aria-hidden="true" /> {label}…</span>;
}

/** A message that shows for a few seconds in the corner (saved, copied, ...). */
export function useToast(): [ComponentChildren, (text: string) => void] {
  const [text, setText] = useState<string>();
  useEffect(() => {
    if (text === undefined) return undefined;
    const t = setTimeout(() => setText(undefined), 3500);
    return () => clearTimeout(t);
  }, [text]);
  const node = text ? <div class="toast" role="status" aria-live="polite">{text}</div> : null;
  return [node, setText];
}

/** Calls fn on Escape while mounted (closes inline forms). */
export function useEscape(fn: () => void): void {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') ref.current(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function PageHead({ title, crumbs, children, sub }: { title: string; crumbs?: ComponentChildren; sub?: ComponentChildren; children?: ComponentChildren }) {
  useEffect(() => { document.title = `${title} · Haechi`; }, [title]);
  return (
    <div>
      {crumbs ? <div class="crumbs">{crumbs}</div> : null}
      <div class="page-head">
        <div>
          <h1>{title}</h1>
          {sub ? <div class="sub">{sub}</div> : null}
        </div>
        <div class="spacer" />
        {children}
      </div>
    </div>
  );
}
