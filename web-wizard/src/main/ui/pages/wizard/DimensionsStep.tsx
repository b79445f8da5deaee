// Dimensions: pick model columns to group by; lookup columns can be derived (not stored, looked up through the
// join key at query time); each stored dimension may name its row-key encoding.
import {
  addDimension, findDimension, freshDimensionName, removeDimension, renameDimension, setDerived, updateDimension,
  type CubeDraft,
} from '../../lib/cubeDraft';
import { modelColumns, type ModelColumn } from '../../lib/modelDraft';
import { Notice } from '../../components/ui';
import type { StepProps } from '../CubeWizard';

/** Encodings that fit a column type (cube-model's DimensionEncoding), '' being the default. */
export function encodingsFor(type: string): string[] {
  const t = type.toUpperCase();
  const out = ['', 'dict'];
  if (/^(TINYINT|SMALLINT|INT|INTEGER|BIGINT)/.test(t)) out.push('integer', 'integer:1', 'integer:2', 'integer:4', 'integer:8');
  if (t.startsWith('DATE')) out.push('date');
  if (/^(CHAR|VARCHAR|STRING)/.test(t)) out.push('fixed_length:1', 'fixed_length:2', 'fixed_length:4', 'fixed_length:8', 'fixed_length:16', 'fixed_length:32');
  return out;
}

export function DimensionsStep({ draft, setDraft, issues, model, tables }: StepProps) {
  if (!model) return <Notice kind="info">Pick the cube's model on the Info step first.</Notice>;
  const columns = modelColumns(model, tables);
  const aliases = [...new Set(columns.map((c) => c.alias))];
  const stored = draft.dimensions.filter((d) => !d.derived).length;
  const derived = draft.dimensions.length - stored;
  const general = issues.at('dimensions');
  const orphan = issues.under('dimensions').filter((i) => i.path !== 'dimensions'
    && !draft.dimensions.some((_, k) => i.path.startsWith(`dimensions[${k}]`)));
  return (
    <div class="stack">
      <div class="panel-head" style={{ marginBottom: 0 }}>
        <h2>Dimensions</h2>
        <span class="sub" data-testid="dimension-count">{stored} normal, {derived} derived</span>
      </div>
      <p class="sub">Tick the columns to group by. A lookup column can be <strong>derived</strong>: not stored in the
        cube but looked up through its join key, which then must be a normal dimension; derived dimensions cost no
        cuboids.</p>
      {general ? <Notice kind="bad">{general}</Notice> : null}
      {orphan.map((i) => <Notice key={i.path} kind="bad"><code>{i.path}</code> {i.message}</Notice>)}
      <div class="stack">
        {aliases.map((alias) => {
          const cols = columns.filter((c) => c.alias === alias);
          const fact = cols[0].fact;
          const allOn = cols.every((c) => findDimension(draft, alias, c.column));
          return (
            <div class="colbox" key={alias} role="group" aria-label={`Columns of ${alias}`}>
              <h3>
                {alias} <span class="badge plain">{fact ? 'fact' : `lookup ${cols[0].table}`}</span>
                <span style={{ flex: 1 }} />
                <button type="button" class="small ghost" onClick={() => setDraft(toggleAll(draft, cols, !allOn))}>
                  {allOn ? 'None' : 'All'}
                </button>
              </h3>
              <div class="table-wrap" style={{ border: 'none', borderRadius: 0 }}>
                <table class="grid">
                  <thead><tr><th style={{ width: '28px' }}><span class="sr-only">Use</span></th><th>Column</th><th>Type</th>
                    <th>Dimension name</th><th>Kind</th><th>Encoding</th></tr></thead>
                  <tbody>
                    {cols.map((c) => (
                      <DimensionRow key={c.column} col={c} draft={draft} setDraft={setDraft} issues={issues} />
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

function toggleAll(draft: CubeDraft, cols: ModelColumn[], on: boolean): CubeDraft {
  let d = draft;
  for (const c of cols) {
    const existing = findDimension(d, c.alias, c.column);
    if (on && !existing) {
      d = addDimension(d, { name: freshDimensionName(d, c.alias, c.column), table: c.alias, column: c.column,
        derived: !c.fact, encoding: '' });
    } else if (!on && existing) {
      d = removeDimension(d, existing.name);
    }
  }
  return d;
}

function DimensionRow({ col, draft, setDraft, issues }: { col: ModelColumn; draft: CubeDraft;
  setDraft: (d: CubeDraft) => void; issues: StepProps['issues'] }) {
  const dim = findDimension(draft, col.alias, col.column);
  const index = dim ? draft.dimensions.indexOf(dim) : -1;
  const path = `dimensions[${index}]`;
  const errs = dim ? issues.under(path) : [];
  const checkId = `dim-${col.alias}-${col.column}`;
  return (
    <>
      <tr class={dim ? 'selected' : ''}>
        <td>
          <input type="checkbox" id={checkId} checked={!!dim}
            onChange={() => setDraft(dim ? removeDimension(draft, dim.name)
              : addDimension(draft, { name: freshDimensionName(draft, col.alias, col.column), table: col.alias,
                column: col.column, derived: !col.fact, encoding: '' }))} />
        </td>
        <td><label for={checkId} class="mono">{col.column}</label></td>
        <td class="mono muted">{col.type}</td>
        <td>
          {dim ? <input aria-label={`Dimension name for ${col.alias}.${col.column}`} value={dim.name} size={16}
            aria-invalid={!!issues.at(`${path}.name`)}
            onChange={(e) => {
              const v = (e.target as HTMLInputElement).value.trim();
              if (v && v !== dim.name) setDraft(renameDimension(draft, dim.name, v));
            }} /> : null}
        </td>
        <td>
          {dim ? (col.fact ? <span class="muted">normal</span> : (
            <select aria-label={`Kind of ${dim.name}`} value={dim.derived ? 'derived' : 'normal'}
              aria-invalid={!!issues.at(`${path}.derived`)}
              onChange={(e) => setDraft(setDerived(draft, dim.name, (e.target as HTMLSelectElement).value === 'derived'))}>
              <option value="normal">normal</option>
              <option value="derived">derived</option>
            </select>
          )) : null}
        </td>
        <td>
          {dim && !dim.derived ? (
            <select aria-label={`Encoding of ${dim.name}`} value={dim.encoding} aria-invalid={!!issues.at(`${path}.encoding`)}
              onChange={(e) => setDraft(updateDimension(draft, dim.name, { encoding: (e.target as HTMLSelectElement).value }))}>
              {[...new Set([...encodingsFor(col.type), dim.encoding])].map((e) => <option key={e} value={e}>{e === '' ? 'default' : e}</option>)}
            </select>
          ) : null}
        </td>
      </tr>
      {errs.length > 0 ? (
        <tr><td /><td colSpan={5} class="error-text" role="alert" style={{ whiteSpace: 'normal' }}>
          {errs.map((e) => <div key={e.path + e.message}>{e.message}</div>)}</td></tr>
      ) : null}
    </>
  );
}
