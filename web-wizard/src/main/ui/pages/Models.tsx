// The project's models, and the model designer: fact table, lookups with join type and (composite) keys,
// partition column and format, filter; the draft is validated by the API as you type.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, type Validation } from '../lib/api';
import type { JoinType, ModelJson, TableJson } from '../lib/descriptors';
import { ApiError, errorText } from '../lib/http';
import { IssueIndex } from '../lib/issues';
import {
  columnsOf, emptyModel, fromModelJson, joinSources, needsDateFormat, newLookup, tableOfAlias, toModelJson,
  type LookupDraft, type ModelDraft,
} from '../lib/modelDraft';
import { enc, navigate } from '../lib/router';
import { useValidation } from '../lib/useValidation';
import { ErrorNotice, Field, Link, Notice, PageHead, Spinner, useToast } from '../components/ui';
import { ListPanel } from '../components/ListPanel';
import { move } from '../lib/cubeDraft';

export function ModelsPage({ project }: { project: string }) {
  const [models, setModels] = useState<ModelJson[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => { setModels(undefined); api.models(project).then((v) => setModels(v.map((m) => m.descriptor)), setError); }, [project]);
  return (
    <div>
      <PageHead title="Models" sub="A model is a star: one fact table and the lookups joined to it.">
        <Link class="button primary" href={`/p/${enc(project)}/models/new`}>New model</Link>
      </PageHead>
      <ErrorNotice error={error} title="Could not list the models:" />
      <ListPanel items={models} label="Models" empty="No models yet. Design one over the registered tables."
        head={<tr><th>Name</th><th>Fact table</th><th>Lookups</th><th>Partition</th><th>Filter</th></tr>}>
        {(items) => items.map((m) => (
          <tr key={m.name}>
            <td><Link href={`/p/${enc(project)}/models/${enc(m.name)}`}>{m.name}</Link></td>
            <td class="mono">{m.factTable}</td>
            <td>{(m.lookups ?? []).map((l) => `${l.alias ?? l.table} (${l.joinType.toLowerCase()})`).join(', ') || '–'}</td>
            <td class="mono">{m.partition ? m.partition.column + (m.partition.dateFormat ? ` (${m.partition.dateFormat})` : '') : '–'}</td>
            <td class="mono muted">{m.filter ?? ''}</td>
          </tr>
        ))}
      </ListPanel>
    </div>
  );
}

const DATE_FORMATS = ['yyyyMMdd', 'yyyy-MM-dd', 'yyyy/MM/dd', 'dd.MM.yyyy'];

export function ModelDesigner({ project, name }: { project: string; name?: string }) {
  const [tables, setTables] = useState<TableJson[]>();
  const [draft, setDraft] = useState<ModelDraft>();
  const [version, setVersion] = useState<number>();
  const [loadError, setLoadError] = useState<unknown>();
  const [saveError, setSaveError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const [toast, showToast] = useToast();

  useEffect(() => {
    api.tables(project).then((v) => setTables(v.map((t) => t.descriptor)), setLoadError);
    if (name === undefined) {
      setDraft(emptyModel());
      setVersion(undefined);
    } else {
      api.model(project, name).then((v) => { setDraft(fromModelJson(v.descriptor)); setVersion(v.version); }, setLoadError);
    }
  }, [project, name]);

  const doc = useMemo(() => (draft ? toModelJson(draft) : undefined), [draft]);
  const ready = doc !== undefined && doc.name !== '' && doc.factTable !== '';
  const validation = useValidation(ready ? doc : undefined, (d, signal) => api.validateModel(project, d, signal));
  const issues = new IssueIndex(validation.result?.issues ?? []);

  if (loadError) return <div><PageHead title={name ?? 'New model'} /><ErrorNotice error={loadError} /></div>;
  if (!draft || !tables) return <Spinner />;

  const set = (patch: Partial<ModelDraft>) => setDraft({ ...draft, ...patch });
  const setLookup = (i: number, l: LookupDraft) => set({ lookups: draft.lookups.map((x, j) => (j === i ? l : x)) });
  const factColumns = columnsOf(tables, draft.factTable);
  const partitionType = factColumns.find((c) => c.name === draft.partitionColumn)?.type;
  const unjoined = tables.filter((t) => t.name !== draft.factTable);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!doc) return;
    setSaving(true);
    setSaveError(undefined);
    try {
      const saved = version === undefined ? await api.createModel(project, doc) : await api.updateModel(project, doc, version);
      setVersion(saved.version);
      showToast(`Saved model ${doc.name}`);
      if (name === undefined) navigate(`/p/${enc(project)}/models/${enc(doc.name)}`, true);
    } catch (err) {
      setSaveError(err);
    } finally {
      setSaving(false);
    }
  };
  const remove = async () => {
    if (!name || version === undefined || !confirm(`Delete model ${name}? Cubes on it must be deleted first.`)) return;
    try {
      await api.deleteModel(project, name, version);
      navigate(`/p/${enc(project)}/models`);
    } catch (err) {
      setSaveError(err);
    }
  };

  return (
    <form onSubmit={save} aria-label="Model designer">
      <PageHead title={name ? `Model ${name}` : 'New model'}
        crumbs={<><Link href={`/p/${enc(project)}/models`}>Models</Link> / {name ?? 'new'}</>}>
        {name ? <button type="button" class="danger" onClick={remove}>Delete</button> : null}
        <Link class="button" href={`/p/${enc(project)}/cubes/new${doc?.name ? `?model=${enc(doc.name)}` : ''}`}>New cube on it</Link>
        <button class="primary" type="submit" disabled={saving || !ready}>{saving ? 'Saving…' : 'Save model'}</button>
      </PageHead>
      {saveError instanceof ApiError && saveError.status === 409 && version !== undefined
        ? <Notice kind="bad" title="Not saved:">Someone changed this model since you opened it ({saveError.message}). Reload to see their version.</Notice>
        : <ErrorNotice error={saveError} title="Not saved:" />}
      <div class="wizard">
        <div>
          <section class="panel stack" aria-labelledby="model-basics">
            <h2 id="model-basics">Fact table</h2>
            <div class="grid-2">
              <Field label="Model name" error={issues.at('name')} hint={name ? 'The name cannot change once saved' : undefined}>
                {(id, d, bad) => <input id={id} aria-describedby={d} aria-invalid={bad} value={draft.name} required
                  readOnly={name !== undefined} autoFocus={name === undefined} placeholder="ads"
                  onInput={(e) => set({ name: (e.target as HTMLInputElement).value })} />}
              </Field>
              <Field label="Fact table" error={issues.at('factTable')} hint="The table of events, one row per fact">
                {(id, d, bad) => (
                  <select id={id} aria-describedby={d} aria-invalid={bad} value={draft.factTable} required
                    onChange={(e) => {
                      const fact = (e.target as HTMLSelectElement).value;
                      set({ factTable: fact, partitionColumn: '', dateFormat: '',
                        lookups: draft.lookups.map((l) => (l.joinFrom === draft.factTable || l.joinFrom === '' ? { ...l, joinFrom: fact } : l)) });
                    }}>
                    <option value="">choose a table…</option>
                    {tables.map((t) => <option key={t.name} value={t.name}>{t.name} ({t.columns.length} columns)</option>)}
                  </select>
                )}
              </Field>
            </div>
          </section>

          <section class="panel" aria-labelledby="model-lookups">
            <div class="panel-head">
              <h2 id="model-lookups">Lookups</h2>
              <span class="sub">dimension tables joined by key</span>
              <div class="spacer" />
              <AddLookup tables={unjoined} disabled={draft.factTable === ''}
                onAdd={(t) => set({ lookups: [...draft.lookups, newLookup(draft, tables, t)] })} />
            </div>
            {draft.lookups.length === 0 ? <p class="muted">No lookups: the cube will use fact columns only.</p> : null}
            {draft.lookups.map((l, i) => (
              <LookupEditor key={i} index={i} lookup={l} draft={draft} tables={tables} issues={issues}
                onChange={(x) => setLookup(i, x)}
                onRemove={() => set({ lookups: draft.lookups.filter((_, j) => j !== i) })}
                onMove={(delta) => set({ lookups: move(draft.lookups, i, delta) })} />
            ))}
          </section>

          <section class="panel stack" aria-labelledby="model-partition">
            <h2 id="model-partition">Partition and filter</h2>
            <div class="grid-2">
              <Field label="Partition column" error={issues.at('partition.column') ?? issues.at('partition')}
                hint="Builds take a date range of this column; one segment per range">
                {(id, d, bad) => (
                  <select id={id} aria-describedby={d} aria-invalid={bad} value={draft.partitionColumn}
                    onChange={(e) => set({ partitionColumn: (e.target as HTMLSelectElement).value, dateFormat: '' })}>
                    <option value="">none (full builds only)</option>
                    {factColumns.map((c) => <option key={c.name} value={c.name}>{c.name} ({c.type})</option>)}
                  </select>
                )}
              </Field>
              <Field label="Date format" error={issues.at('partition.dateFormat')}
                hint={needsDateFormat(partitionType) ? `A ${partitionType} column holds dates as text or digits: say how` : 'Not needed for DATE and TIMESTAMP columns'}>
                {(id, d, bad) => (
                  <>
                    <input id={id} aria-describedby={d} aria-invalid={bad} value={draft.dateFormat} list="date-formats"
                      disabled={!draft.partitionColumn || (!needsDateFormat(partitionType) && draft.dateFormat === '')}
                      placeholder={needsDateFormat(partitionType) ? 'yyyyMMdd' : ''}
                      onInput={(e) => set({ dateFormat: (e.target as HTMLInputElement).value })} />
                    <datalist id="date-formats">{DATE_FORMATS.map((f) => <option key={f} value={f} />)}</datalist>
                  </>
                )}
              </Field>
            </div>
            <Field label="Filter" error={issues.at('filter')} hint="A SQL condition on the fact and lookup columns; rows that fail it are not built, e.g. impressions > 0">
              {(id, d, bad) => <textarea id={id} aria-describedby={d} aria-invalid={bad} class="mono" rows={2}
                value={draft.filter} placeholder="(no filter)"
                onInput={(e) => set({ filter: (e.target as HTMLTextAreaElement).value })} />}
            </Field>
          </section>
        </div>
        <ModelSummary ready={ready} validation={validation.result} pending={validation.pending}
          error={validation.error} doc={doc} />
      </div>
      {toast}
    </form>
  );
}

function AddLookup({ tables, disabled, onAdd }: { tables: TableJson[]; disabled: boolean; onAdd: (t: string) => void }) {
  const [choice, setChoice] = useState('');
  return (
    <div class="row center">
      <label class="sr-only" for="add-lookup">Lookup table to add</label>
      <select id="add-lookup" value={choice} disabled={disabled} onChange={(e) => setChoice((e.target as HTMLSelectElement).value)}>
        <option value="">table…</option>
        {tables.map((t) => <option key={t.name} value={t.name}>{t.name}</option>)}
      </select>
      <button type="button" disabled={disabled || choice === ''} onClick={() => { onAdd(choice); setChoice(''); }}>Add lookup</button>
    </div>
  );
}

interface LookupProps {
  index: number;
  lookup: LookupDraft;
  draft: ModelDraft;
  tables: TableJson[];
  issues: IssueIndex;
  onChange: (l: LookupDraft) => void;
  onRemove: () => void;
  onMove: (delta: number) => void;
}

function LookupEditor({ index, lookup, draft, tables, issues, onChange, onRemove, onMove }: LookupProps) {
  const path = `lookups[${index}]`;
  const fromColumns = columnsOf(tables, tableOfAlias(draft, lookup.joinFrom || draft.factTable));
  const pkColumns = columnsOf(tables, lookup.table);
  const general = issues.at(path);
  const setKey = (k: number, patch: Partial<{ fk: string; pk: string }>) =>
    onChange({ ...lookup, keys: lookup.keys.map((x, j) => (j === k ? { ...x, ...patch } : x)) });
  return (
    <div class="group" role="group" aria-label={`Lookup ${lookup.alias || lookup.table}`}>
      <div class="group-head">
        <h3>{lookup.alias || lookup.table}</h3>
        <span class="badge plain">{lookup.table}</span>
        <div class="spacer" style={{ flex: 1 }} />
        <button type="button" class="ghost icon" aria-label="Move up" onClick={() => onMove(-1)} disabled={index === 0}>↑</button>
        <button type="button" class="ghost icon" aria-label="Move down" onClick={() => onMove(1)}
          disabled={index === draft.lookups.length - 1}>↓</button>
        <button type="button" class="ghost small danger" onClick={onRemove}>Remove</button>
      </div>
      {general ? <div class="error-text" role="alert" style={{ marginBottom: '8px' }}>{general}</div> : null}
      <div class="grid-3">
        <Field label="Alias" error={issues.at(`${path}.alias`) ?? issues.at(`${path}.table`)} hint="The name SQL and dimensions use">
          {(id, d, bad) => <input id={id} aria-describedby={d} aria-invalid={bad} value={lookup.alias}
            onInput={(e) => onChange({ ...lookup, alias: (e.target as HTMLInputElement).value })} />}
        </Field>
        <Field label="Join type" error={issues.at(`${path}.joinType`)}
          hint={lookup.joinType === 'LEFT' ? 'Fact rows without a match are kept' : 'Fact rows without a match are dropped'}>
          {(id, d) => (
            <select id={id} aria-describedby={d} value={lookup.joinType}
              onChange={(e) => onChange({ ...lookup, joinType: (e.target as HTMLSelectElement).value as JoinType })}>
              <option value="LEFT">LEFT</option>
              <option value="INNER">INNER</option>
            </select>
          )}
        </Field>
        <Field label="Joined from" error={issues.at(`${path}.joinFrom`)} hint="The fact table, or an earlier lookup for a snowflake">
          {(id, d, bad) => (
            <select id={id} aria-describedby={d} aria-invalid={bad} value={lookup.joinFrom || draft.factTable}
              onChange={(e) => onChange({ ...lookup, joinFrom: (e.target as HTMLSelectElement).value })}>
              {joinSources(draft, index).map((a) => <option key={a} value={a}>{a}</option>)}
            </select>
          )}
        </Field>
      </div>
      <div class="label" style={{ margin: '10px 0 4px' }}>Join keys {lookup.keys.length > 1 ? '(composite)' : ''}</div>
      {lookup.keys.map((k, j) => (
        <div class="row" key={j} style={{ marginBottom: '6px' }}>
          <Field label={`${lookup.joinFrom || draft.factTable} column`} error={issues.at(`${path}.foreignKey[${j}]`)}>
            {(id, d, bad) => (
              <select id={id} aria-describedby={d} aria-invalid={bad} value={k.fk}
                onChange={(e) => setKey(j, { fk: (e.target as HTMLSelectElement).value })}>
                <option value="">column…</option>
                {fromColumns.map((c) => <option key={c.name} value={c.name}>{c.name} ({c.type})</option>)}
              </select>
            )}
          </Field>
          <span style={{ padding: '6px 2px' }} aria-hidden="true">=</span>
          <Field label={`${lookup.table} column`} error={issues.at(`${path}.primaryKey[${j}]`)}>
            {(id, d, bad) => (
              <select id={id} aria-describedby={d} aria-invalid={bad} value={k.pk}
                onChange={(e) => setKey(j, { pk: (e.target as HTMLSelectElement).value })}>
                <option value="">column…</option>
                {pkColumns.map((c) => <option key={c.name} value={c.name}>{c.name} ({c.type})</option>)}
              </select>
            )}
          </Field>
          <button type="button" class="ghost small" aria-label={`Remove key pair ${j + 1}`} disabled={lookup.keys.length === 1}
            onClick={() => onChange({ ...lookup, keys: lookup.keys.filter((_, x) => x !== j) })}>Remove</button>
        </div>
      ))}
      <button type="button" class="small" onClick={() => onChange({ ...lookup, keys: [...lookup.keys, { fk: '', pk: '' }] })}>
        + key column
      </button>
    </div>
  );
}

function ModelSummary({ ready, validation, pending, error, doc }: {
  ready: boolean; validation?: Validation; pending: boolean; error?: unknown; doc?: ModelJson;
}) {
  const [showJson, setShowJson] = useState(false);
  return (
    <aside class="summary panel" aria-label="Validation" aria-live="polite">
      <div class="panel-head"><h2>Validation</h2><div class="spacer" />{pending && ready ? <span class="spinner" aria-label="checking" /> : null}</div>
      {!ready ? <p class="muted">Name the model and pick its fact table.</p>
        : error ? <Notice kind="bad">Could not validate: {errorText(error)}</Notice>
        : validation === undefined ? <p class="muted">Checking…</p>
        : validation.issues.length === 0 ? <div class="notice ok" data-testid="model-valid">The model is valid.</div>
        : (
          <div class="notice bad" data-testid="model-issues">
            {validation.issues.length} {validation.issues.length === 1 ? 'problem' : 'problems'}
            <ul>{validation.issues.map((i) => <li key={i.path + i.message}>{i.path ? <code>{i.path}</code> : null} {i.message}</li>)}</ul>
          </div>
        )}
      <button type="button" class="small" onClick={() => setShowJson(!showJson)} aria-expanded={showJson}>
        {showJson ? 'Hide JSON' : 'Show JSON'}
      </button>
      {showJson && doc ? <pre class="json" style={{ marginTop: '8px', maxHeight: '360px' }}>{JSON.stringify(doc, null, 2)}</pre> : null}
    </aside>
  );
}
