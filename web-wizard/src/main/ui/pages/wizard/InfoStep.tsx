import type { Versioned } from '../../lib/api';
import type { ModelJson } from '../../lib/descriptors';
import { emptyCube } from '../../lib/cubeDraft';
import { Field, Link } from '../../components/ui';
import { enc } from '../../lib/router';
import type { StepProps } from '../CubeWizard';

export function InfoStep({ project, draft, setDraft, issues, isNew, models }: StepProps & { models: Versioned<ModelJson>[] }) {
  return (
    <div class="stack">
      <h2>Cube info</h2>
      <p class="sub">A cube precomputes aggregates of one model: pick the dimensions to group by and the measures to sum,
        count or count distinct; aggregation groups say which combinations (cuboids) to build.</p>
      <div class="grid-2">
        <Field label="Cube name" error={issues.at('name')} hint={isNew ? 'Letters, digits and underscores' : 'The name cannot change once saved'}>
          {(id, d, bad) => <input id={id} aria-describedby={d} aria-invalid={bad} value={draft.name} required autoFocus={isNew}
            readOnly={!isNew} placeholder="ad_events" onInput={(e) => setDraft({ ...draft, name: (e.target as HTMLInputElement).value })} />}
        </Field>
        <Field label="Model" error={issues.at('model')}
          hint={models.length === 0 ? <>No models yet: <Link href={`/p/${enc(project)}/models/new`}>design one</Link> first</> : 'The star the cube aggregates'}>
          {(id, d, bad) => (
            <select id={id} aria-describedby={d} aria-invalid={bad} value={draft.model} disabled={!isNew} required
              onChange={(e) => {
                const model = (e.target as HTMLSelectElement).value;
                if (draft.dimensions.length > 0 && !confirm('Changing the model clears the dimensions and groups. Go on?')) return;
                setDraft({ ...emptyCube(model), name: draft.name });
              }}>
              <option value="">choose a model…</option>
              {models.map((m) => <option key={m.name} value={m.name}>{m.name} (fact {m.descriptor.factTable})</option>)}
            </select>
          )}
        </Field>
      </div>
    </div>
  );
}
