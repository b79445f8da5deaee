// Shown when the server has no project yet (or cannot be reached): create the first one.
import { useState } from 'preact/hooks';
import { api } from '../lib/api';
import { enc, navigate } from '../lib/router';
import { ErrorNotice, Field, Notice, PageHead } from '../components/ui';

export function NoProjectPage({ error, onCreated }: { error?: string; onCreated: () => void }) {
  const [name, setName] = useState('');
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      const p = await api.createProject(name.trim());
      onCreated();
      navigate(`/p/${enc(p.name ?? name.trim())}/tables`);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <PageHead title="Welcome to Haechi" sub="A project holds tables, models and cubes." />
      {error ? <Notice kind="bad" title="Could not list the projects:">{error}</Notice> : null}
      <form class="panel stack" style={{ maxWidth: '460px' }} onSubmit={submit}>
        <h2>Create a project</h2>
        <Field label="Project name" hint="Letters, digits and underscores, e.g. ads">
          {(id, d) => <input id={id} aria-describedby={d} value={name} required autoFocus
            onInput={(e) => setName((e.target as HTMLInputElement).value)} />}
        </Field>
        <ErrorNotice error={failure} />
        <div><button class="primary" type="submit" disabled={busy || name.trim() === ''}>Create project</button></div>
      </form>
    </div>
  );
}
