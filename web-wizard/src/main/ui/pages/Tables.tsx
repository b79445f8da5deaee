// Data sources: the project's tables, registering a new one (its schema inferred by the server), and a table's
// columns with a preview of its rows.
import { useEffect, useState } from 'preact/hooks';
import { api, type Preview } from '../lib/api';
import type { TableJson } from '../lib/descriptors';
import { enc, navigate } from '../lib/router';
import { DataGrid } from '../components/DataGrid';
import { ErrorNotice, Field, Link, PageHead, Spinner, useEscape, useToast } from '../components/ui';
import { ListPanel } from '../components/ListPanel';
import { fieldErrors } from '../lib/issues';
import { parseColumns } from '../lib/columns';

export function TablesPage({ project, selected }: { project: string; selected?: string }) {
  const [tables, setTables] = useState<TableJson[]>();
  const [error, setError] = useState<unknown>();
  const [registering, setRegistering] = useState(false);
  const [toast, showToast] = useToast();
  const reload = () => api.tables(project).then((t) => { setTables(t.map((v) => v.descriptor)); setError(undefined); }, setError);
  useEffect(() => { setTables(undefined); reload(); }, [project]);

  return (
    <div>
      <PageHead title="Data sources" sub="Tables registered in this project: fact tables and lookups.">
        <button class="primary" type="button" onClick={() => setRegistering(true)} disabled={registering}>
          Register table
        </button>
      </PageHead>
      {registering ? (
        <RegisterForm project={project} onClose={() => setRegistering(false)} onDone={(t) => {
          setRegistering(false);
          showToast(`Registered ${t.name} with ${t.columns.length} columns`);
          reload();
          navigate(`/p/${enc(project)}/tables/${enc(t.name)}`);
        }} />
      ) : null}
      <ErrorNotice error={error} title="Could not list the tables:" />
      <ListPanel items={tables} label="Tables" empty="No tables yet. Register the fact table and its lookups."
        head={<tr><th>Name</th><th>Format</th><th>Columns</th><th>Location</th></tr>}>
        {(items) => items.map((t) => (
          <tr key={t.name} class={selected === t.name ? 'selected' : ''}>
            <td><Link href={`/p/${enc(project)}/tables/${enc(t.name)}`}>{t.name}</Link></td>
            <td>{t.format}</td>
            <td class="num">{t.columns.length}</td>
            <td class="mono muted">{t.location}</td>
          </tr>
        ))}
      </ListPanel>
      {selected ? <TableDetail key={selected} project={project} name={selected} /> : null}
      {toast}
    </div>
  );
}

function RegisterForm({ project, onClose, onDone }: { project: string; onClose: () => void; onDone: (t: TableJson) => void }) {
  const [name, setName] = useState('');
  const [location, setLocation] = useState('');
  const [format, setFormat] = useState('avro');
  const [columnText, setColumnText] = useState('');
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  useEscape(onClose);
  const errors = fieldErrors(failure);
  const csv = format === 'csv';
  const parsed = parseColumns(columnText);
  const columnsError = csv && columnText.trim() !== '' && parsed.errors.length > 0 ? parsed.errors.join('; ')
    : Object.entries(errors).find(([k]) => k.startsWith('columns'))?.[1];
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      const body = { name: name.trim(), location: location.trim(), format, ...(csv ? { columns: parsed.columns } : {}) };
      onDone((await api.registerTable(project, body)).descriptor);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  const guessName = (loc: string) => {
    const last = loc.replace(/\/+$/, '').split('/').pop() ?? '';
    return last.replace(/\.(avro|csv)$/i, '').replace(/[^A-Za-z0-9_]/g, '_');
  };
  return (
    <form class="panel stack" onSubmit={submit} aria-label="Register a table">
      <div class="panel-head"><h2>Register a table</h2><div class="spacer" />
        <button type="button" class="ghost" onClick={onClose}>Cancel</button></div>
      <div class="grid-3">
        <Field label="Location" error={errors.location} hint="A local path or a Hadoop URI: a file or a folder of files">
          {(id, d, bad) => <input id={id} aria-describedby={d} aria-invalid={bad} value={location} required autoFocus
            placeholder="data/ads/ad_event"
            onInput={(e) => {
              const v = (e.target as HTMLInputElement).value;
              if (name === '' || name === guessName(location)) setName(guessName(v));
              setLocation(v);
            }} />}
        </Field>
        <Field label="Table name" error={errors.name}>
          {(id, d, bad) => <input id={id} aria-describedby={d} aria-invalid={bad} value={name} required
            onInput={(e) => setName((e.target as HTMLInputElement).value)} />}
        </Field>
        <Field label="Format" error={errors.format}>
          {(id, d) => <select id={id} aria-describedby={d} value={format} onChange={(e) => setFormat((e.target as HTMLSelectElement).value)}>
            <option value="avro">Avro</option>
            <option value="csv">CSV</option>
          </select>}
        </Field>
      </div>
      {csv ? (
        <Field label="Columns" error={columnsError}
          hint={<>CSV files carry no types: one column per line, <code>name TYPE [NOT NULL]</code>, in file order</>}>
          {(id, d, bad) => <textarea id={id} aria-describedby={d} aria-invalid={bad} class="mono" rows={5} value={columnText}
            placeholder={'event_date DATE NOT NULL\nregion VARCHAR\nclicks INT'}
            onInput={(e) => setColumnText((e.target as HTMLTextAreaElement).value)} />}
        </Field>
      ) : null}
      <ErrorNotice error={errors._other ? failure : undefined} title="Not registered:" />
      <div class="row">
        <button class="primary" type="submit"
          disabled={busy || name.trim() === '' || location.trim() === '' || (csv && parsed.errors.length > 0)}>
          {busy ? 'Reading the schema…' : csv ? 'Register' : 'Register and infer schema'}
        </button>
      </div>
    </form>
  );
}

function TableDetail({ project, name }: { project: string; name: string }) {
  const [table, setTable] = useState<TableJson>();
  const [preview, setPreview] = useState<Preview>();
  const [error, setError] = useState<unknown>();
  const [previewError, setPreviewError] = useState<unknown>();
  useEffect(() => {
    api.table(project, name).then((v) => setTable(v.descriptor), setError);
    api.preview(project, name, 50).then(setPreview, setPreviewError);
  }, [project, name]);
  return (
    <section aria-label={`Table ${name}`}>
      <ErrorNotice error={error} />
      {table ? (
        <div class="grid-2" style={{ gridTemplateColumns: 'minmax(330px, 1fr) minmax(0, 3fr)' }}>
          <div class="panel">
            <h2>{table.name}</h2>
            <p class="sub" style={{ marginBottom: '10px', wordBreak: 'break-all' }}>{table.format} · <span class="mono">{table.location}</span></p>
            <div class="table-wrap">
              <table class="grid" aria-label={`Columns of ${table.name}`}>
                <thead><tr><th>Column</th><th>Type</th><th>Null</th></tr></thead>
                <tbody>
                  {table.columns.map((c) => (
                    <tr key={c.name}><td class="mono">{c.name}</td><td class="mono muted">{c.type}</td>
                      <td>{c.nullable === false ? 'no' : 'yes'}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <div class="panel" style={{ minWidth: 0 }}>
            <div class="panel-head"><h2>Preview</h2>
              <span class="sub">{preview ? `first ${preview.rows.length} rows` : ''}</span></div>
            <ErrorNotice error={previewError} title="No preview:" />
            {preview ? <DataGrid columns={preview.columns} rows={preview.rows} label={`Rows of ${table.name}`} maxHeight={420} />
              : previewError ? null : <Spinner label="Reading rows" />}
          </div>
        </div>
      ) : error ? null : <Spinner />}
    </section>
  );
}
