// Insight: SQL over the project's cubes. The model's tables and columns at hand, Ctrl+Enter runs, the grid, how the
// query was answered ("served by cube X, cuboid (…) in N ms" or why no cube could), bar/line/pie charts, CSV
// export, saved queries (kept by the server) and a history of recent queries (kept in this browser).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, type ExplainResult, type SavedQuery, type SqlResult, type Versioned } from '../lib/api';
import type { ModelJson, TableJson } from '../lib/descriptors';
import { defaultAxes, isNumericType, type ChartKind } from '../lib/chart';
import { toCsv } from '../lib/csv';
import { ApiError } from '../lib/http';
import { modelColumns } from '../lib/modelDraft';
import { Chart } from '../components/Chart';
import { DataGrid } from '../components/DataGrid';
import { ErrorNotice, Field, Notice, PageHead, Spinner, useToast } from '../components/ui';

const LIMITS = [100, 1000, 10000];
const HISTORY_SIZE = 20;
const historyKey = (p: string) => `haechi.insight.history.${p}`;

function readHistory(project: string): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(historyKey(project)) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

type Outcome =
  | { kind: 'rows'; result: SqlResult; sql: string }
  | { kind: 'plan'; result: ExplainResult }
  | { kind: 'miss'; message: string }
  | { kind: 'error'; error: unknown };

export function InsightPage({ project }: { project: string }) {
  const [models, setModels] = useState<Versioned<ModelJson>[]>();
  const [tables, setTables] = useState<TableJson[]>([]);
  const [sql, setSql] = useState('');
  const [limit, setLimit] = useState(1000);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [tab, setTab] = useState<'grid' | 'chart'>('grid');
  const [chart, setChart] = useState<{ kind: ChartKind; x: number; ys: number[] }>({ kind: 'bar', x: -1, ys: [] });
  const [saved, setSaved] = useState<SavedQuery[]>([]);
  const [savedError, setSavedError] = useState<unknown>();
  const [history, setHistory] = useState<string[]>(() => readHistory(project));
  const [loadError, setLoadError] = useState<unknown>();
  const [toast, showToast] = useToast();
  const editor = useRef<HTMLTextAreaElement>(null);
  const abort = useRef<AbortController>();

  const loadSaved = () => api.queries(project).then((q) => { setSaved(q); setSavedError(undefined); }, setSavedError);
  useEffect(() => {
    api.models(project).then(setModels, setLoadError);
    api.tables(project).then((t) => setTables(t.map((v) => v.descriptor)), setLoadError);
    loadSaved();
    setHistory(readHistory(project));
  }, [project]);

  // Start with a query that the first model can answer, so the page is never a blank box; never over what the
  // user has typed meanwhile.
  const touched = useRef(false);
  useEffect(() => {
    if (touched.current || !models || models.length === 0 || tables.length === 0) return;
    const starter = starterQuery(models[0].descriptor, tables);
    setSql((s) => (s === '' ? starter : s));
  }, [models, tables]);

  const run = async (explain = false) => {
    const text = sql.trim();
    if (text === '' || running) return;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setRunning(true);
    try {
      if (explain) {
        setOutcome({ kind: 'plan', result: await api.explain(project, text, controller.signal) });
      } else {
        const result = await api.sql(project, text, limit, controller.signal);
        setOutcome({ kind: 'rows', result, sql: text });
        setChart((c) => {
          const d = defaultAxes(result.columns);
          return { kind: c.kind, x: d.x, ys: d.ys };
        });
        const h = [text, ...history.filter((q) => q !== text)].slice(0, HISTORY_SIZE);
        setHistory(h);
        localStorage.setItem(historyKey(project), JSON.stringify(h));
      }
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      if (e instanceof ApiError && e.codeName === 'NO_REALIZATION') setOutcome({ kind: 'miss', message: e.message });
      else if (e instanceof ApiError && e.code === 5003) setOutcome({ kind: 'miss', message: e.message });
      else setOutcome({ kind: 'error', error: e });
    } finally {
      if (abort.current === controller) setRunning(false);
    }
  };

  const insert = (text: string) => {
    const el = editor.current;
    if (!el) return;
    const start = el.selectionStart ?? sql.length;
    const end = el.selectionEnd ?? sql.length;
    const next = sql.slice(0, start) + text + sql.slice(end);
    setSql(next);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(start + text.length, start + text.length);
    });
  };

  return (
    <div>
      <PageHead title="Insight" sub="SQL over the project's cubes; ask as you would a warehouse." />
      <ErrorNotice error={loadError} />
      <div class="insight">
        <aside class="stack">
          <section class="panel schema-tree" aria-label="Tables and columns">
            <h2 style={{ marginBottom: '8px' }}>Tables</h2>
            {models === undefined ? <Spinner /> : models.length === 0 ? <p class="muted">No models yet.</p> : null}
            {models?.map((m) => <ModelTree key={m.name} model={m.descriptor} tables={tables} onInsert={insert}
              onStarter={() => setSql(starterQuery(m.descriptor, tables))} />)}
          </section>
          <SavedQueries saved={saved} error={savedError} history={history}
            onLoad={(q) => { setSql(q); editor.current?.focus(); }}
            onDelete={async (q) => {
              try {
                await api.deleteQuery(project, q.name, q.version);
                loadSaved();
              } catch (e) {
                setSavedError(e);
              }
            }} />
        </aside>
        <div style={{ minWidth: 0 }}>
          <section class="panel stack" aria-label="SQL editor">
            <label for="sql-editor" class="label">SQL <span class="muted" style={{ fontWeight: 400 }}>· Ctrl+Enter runs</span></label>
            <textarea id="sql-editor" ref={editor} class="sql" spellcheck={false} value={sql}
              onInput={(e) => { touched.current = true; setSql((e.target as HTMLTextAreaElement).value); }}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(false); }
                if (e.key === 'Escape' && running) { abort.current?.abort(); setRunning(false); }
              }} />
            <div class="row center">
              <button type="button" class="primary" onClick={() => run(false)} disabled={running || sql.trim() === ''}>
                {running ? 'Running…' : 'Run'}
              </button>
              <button type="button" onClick={() => run(true)} disabled={running || sql.trim() === ''}>Explain</button>
              {running ? <button type="button" class="ghost" onClick={() => { abort.current?.abort(); setRunning(false); }}>Stop waiting</button> : null}
              <label class="label" for="row-limit" style={{ marginLeft: '8px' }}>Row limit</label>
              <select id="row-limit" value={limit} onChange={(e) => setLimit(Number((e.target as HTMLSelectElement).value))}>
                {LIMITS.map((l) => <option key={l} value={l}>{l.toLocaleString('en-US')}</option>)}
              </select>
              <div style={{ flex: 1 }} />
              <SaveQuery project={project} sql={sql} saved={saved} chart={chart}
                onSaved={(q) => { showToast(`Saved query ${q.name}`); loadSaved(); }} />
            </div>
          </section>
          {outcome ? <ResultPanel outcome={outcome} tab={tab} setTab={setTab} chart={chart} setChart={setChart} /> : null}
        </div>
      </div>
      {toast}
    </div>
  );
}

/** A first query for a model: the count of rows by its first text column (or its partition column). */
export function starterQuery(model: ModelJson, tables: TableJson[]): string {
  const cols = modelColumns(model, tables).filter((c) => c.fact);
  const text = cols.find((c) => !isNumericType(c.type) && c.column !== model.partition?.column);
  const by = text?.column ?? model.partition?.column ?? cols[0]?.column;
  if (!by) return `select count(*) from ${model.factTable}`;
  return `select ${by}, count(*) as events\nfrom ${model.factTable}\ngroup by ${by}\norder by events desc`;
}

function ModelTree({ model, tables, onInsert, onStarter }: { model: ModelJson; tables: TableJson[];
  onInsert: (t: string) => void; onStarter: () => void }) {
  const cols = modelColumns(model, tables);
  const byTable = new Map<string, typeof cols>();
  for (const c of cols) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
  return (
    <details open>
      <summary>model {model.name}</summary>
      <button type="button" class="small ghost" onClick={onStarter} style={{ margin: '2px 0 6px' }}>Starter query</button>
      {[...byTable.entries()].map(([table, tcols]) => {
        const lookup = model.lookups?.find((l) => l.table === table);
        return (
          <details key={table} open={table === model.factTable}>
            <summary>
              {table} <span class="type">{table === model.factTable ? 'fact' : `${lookup?.joinType.toLowerCase()} join on ${lookup?.foreignKey.join(', ')}`}</span>
            </summary>
            <ul>
              <li><button type="button" onClick={() => onInsert(table)} title="Insert the table name">
                <span>{table}</span><span class="type">table</span></button></li>
              {tcols.map((c) => (
                <li key={c.column}>
                  <button type="button" onClick={() => onInsert(c.column)} title={`Insert ${c.column}`}>
                    <span>{c.column}</span><span class="type">{c.type}</span>
                  </button>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </details>
  );
}

function SavedQueries({ saved, error, history, onLoad, onDelete }: { saved: SavedQuery[]; error: unknown;
  history: string[]; onLoad: (sql: string) => void; onDelete: (q: SavedQuery) => void }) {
  return (
    <section class="panel" aria-label="Saved queries">
      <h2 style={{ marginBottom: '8px' }}>Saved queries</h2>
      <ErrorNotice error={error} />
      {saved.length === 0 ? <p class="muted">None yet: write one and save it.</p> : null}
      <ul class="saved-list">
        {saved.map((q) => (
          <li key={q.name}>
            <button type="button" class="load" title={q.sql} onClick={() => onLoad(q.sql)}>{q.name}</button>
            <button type="button" class="ghost icon" aria-label={`Delete ${q.name}`} onClick={() => onDelete(q)}>×</button>
          </li>
        ))}
      </ul>
      {history.length > 0 ? (
        <details style={{ marginTop: '10px' }}>
          <summary class="label">Recent ({history.length})</summary>
          <ul class="saved-list">
            {history.map((h) => <li key={h}><button type="button" class="load mono" title={h} onClick={() => onLoad(h)}>{h.replace(/\s+/g, ' ')}</button></li>)}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function SaveQuery({ project, sql, saved, chart, onSaved }: { project: string; sql: string; saved: SavedQuery[];
  chart: Record<string, unknown>; onSaved: (q: SavedQuery) => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>();
  const existing = saved.find((q) => q.name === name.trim());
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      const body = { name: name.trim(), sql: sql.trim(), chart };
      const q = existing ? await api.updateQuery(project, body, existing.version) : await api.saveQuery(project, body);
      onSaved(q);
      setOpen(false);
    } catch (err) {
      setError(err);
    }
  };
  if (!open) return <button type="button" onClick={() => setOpen(true)} disabled={sql.trim() === ''}>Save query…</button>;
  return (
    <form class="row center" onSubmit={submit} onKeyDown={(e) => { if (e.key === 'Escape') setOpen(false); }}>
      <Field label="Query name" error={error instanceof ApiError ? error.message : undefined}>
        {(id, d, bad) => <input id={id} aria-describedby={d} aria-invalid={bad} value={name} autoFocus required
          pattern="[A-Za-z_][A-Za-z0-9_]{0,127}" placeholder="ctr_by_day" onInput={(e) => setName((e.target as HTMLInputElement).value)} />}
      </Field>
      <button type="submit" class="primary">{existing ? 'Replace' : 'Save'}</button>
      <button type="button" class="ghost" onClick={() => setOpen(false)}>Cancel</button>
    </form>
  );
}

function ResultPanel({ outcome, tab, setTab, chart, setChart }: {
  outcome: Outcome; tab: 'grid' | 'chart'; setTab: (t: 'grid' | 'chart') => void;
  chart: { kind: ChartKind; x: number; ys: number[] }; setChart: (c: { kind: ChartKind; x: number; ys: number[] }) => void;
}) {
  const csvUrl = useMemo(() => {
    if (outcome.kind !== 'rows') return undefined;
    const blob = new Blob([toCsv(outcome.result.columns.map((c) => c.name), outcome.result.rows)], { type: 'text/csv' });
    return URL.createObjectURL(blob);
  }, [outcome]);
  useEffect(() => () => { if (csvUrl) URL.revokeObjectURL(csvUrl); }, [csvUrl]);

  if (outcome.kind === 'miss') {
    return <section class="panel"><div class="served miss" data-testid="served-by" role="status"><strong>No cube can answer this query.</strong> {outcome.message}</div></section>;
  }
  if (outcome.kind === 'error') return <section class="panel"><ErrorNotice error={outcome.error} title="Query failed:" /></section>;
  if (outcome.kind === 'plan') {
    const r = outcome.result.realization;
    return (
      <section class="panel stack" aria-label="Plan">
        <div class={`served ${r.answerable ? '' : 'miss'}`} data-testid="served-by">{r.summary}
          {r.reasons.length > 0 ? <ul style={{ margin: '6px 0 0' }}>{r.reasons.map((x) => <li key={x}>{x}</li>)}</ul> : null}</div>
        <pre class="log" data-testid="plan">{outcome.result.plan}</pre>
      </section>
    );
  }
  const { result } = outcome;
  const r = result.realization;
  const numeric = result.columns.map((c, i) => (isNumericType(c.type) ? i : -1)).filter((i) => i >= 0);
  return (
    <section class="panel stack" aria-label="Result">
      <div class={`served ${r.pushdown.length > 0 ? 'miss' : ''}`} data-testid="served-by" role="status">
        {r.summary} in {formatMs(result.timing.totalMs)}
        <span class="sub"> · {result.rowCount.toLocaleString('en-US')} {result.rowCount === 1 ? 'row' : 'rows'}{result.truncated ? ` (cut at the limit of ${result.limit.toLocaleString('en-US')})` : ''}
          {' '}· planned in {formatMs(result.timing.planMs)}, ran in {formatMs(result.timing.executeMs)}</span>
      </div>
      <div class="row center">
        <div class="tabs" role="tablist" style={{ flex: 1, marginBottom: 0 }}>
          <button type="button" role="tab" aria-selected={tab === 'grid'} onClick={() => setTab('grid')}>Grid</button>
          <button type="button" role="tab" aria-selected={tab === 'chart'} onClick={() => setTab('chart')}>Chart</button>
        </div>
        <a class="button small" href={csvUrl} download="result.csv">Export CSV</a>
      </div>
      {tab === 'grid' ? <DataGrid columns={result.columns} rows={result.rows} label="Result rows" /> : (
        <div class="stack">
          <div class="row">
            <Field label="Chart">
              {(id) => (
                <select id={id} value={chart.kind} onChange={(e) => setChart({ ...chart, kind: (e.target as HTMLSelectElement).value as ChartKind })}>
                  <option value="bar">Bar</option><option value="line">Line</option><option value="pie">Pie</option>
                </select>
              )}
            </Field>
            <Field label="X (labels)">
              {(id) => (
                <select id={id} value={chart.x} onChange={(e) => setChart({ ...chart, x: Number((e.target as HTMLSelectElement).value) })}>
                  {result.columns.map((c, i) => <option key={c.name} value={i}>{c.name}</option>)}
                </select>
              )}
            </Field>
            <fieldset class="field" style={{ border: 'none', padding: 0, margin: 0 }}>
              <legend class="label">Y (values)</legend>
              <div class="row center" style={{ minHeight: '32px' }}>
                {numeric.length === 0 ? <span class="muted">no numeric column</span> : numeric.map((i) => (
                  <label class="check" key={i}>
                    <input type="checkbox" checked={chart.ys.includes(i)}
                      onChange={() => setChart({ ...chart, ys: chart.ys.includes(i) ? chart.ys.filter((y) => y !== i) : [...chart.ys, i].sort((a, b) => a - b) })} />
                    {result.columns[i].name}
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
          {chart.kind === 'pie' && chart.ys.length > 1 ? <Notice kind="info">A pie shows one value column: {result.columns[chart.ys[0]].name}.</Notice> : null}
          <Chart kind={chart.kind} columns={result.columns} rows={result.rows} x={chart.x} ys={chart.ys} />
        </div>
      )}
    </section>
  );
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}
