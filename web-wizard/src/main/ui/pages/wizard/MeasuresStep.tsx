// Measures: COUNT(*), SUM/MIN/MAX over a fact column or an expression (SUM(price * quantity) needs no precomputed
// column), COUNT over a column, and exact COUNT_DISTINCT (a bitmap per cell).
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { MEASURE_FUNCTIONS, type MeasureFunction } from '../../lib/descriptors';
import { freshMeasureName, move, suggestMeasureName, type MeasureDraft } from '../../lib/cubeDraft';
import { modelColumns } from '../../lib/modelDraft';
import { Field, Notice } from '../../components/ui';
import type { StepProps } from '../CubeWizard';

const HELP: Record<MeasureFunction, string> = {
  SUM: 'a fact column or an expression over fact columns, e.g. cost_micros / 1000000 or price * quantity',
  COUNT: 'no argument for COUNT(*), or a column to count its non-null values',
  MIN: 'a column or an expression',
  MAX: 'a column or an expression',
  COUNT_DISTINCT: 'exact: a bitmap of the distinct values per cell (64-bit ids kept as they are)',
};

const RETURN_TYPES = ['BIGINT', 'DOUBLE', 'DECIMAL(19,4)', 'INT'];

export function MeasuresStep({ draft, setDraft, issues, model, tables }: StepProps) {
  const [fn, setFn] = useState<MeasureFunction>('SUM');
  const [argument, setArgument] = useState('');
  const [name, setName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const factCols = model ? modelColumns(model, tables).filter((c) => c.fact) : [];
  const suggested = freshMeasureName(draft, suggestMeasureName(fn, argument));
  const effectiveName = nameTouched && name.trim() !== '' ? name.trim() : suggested;
  const canAdd = fn === 'COUNT' || argument.trim() !== '';

  const add = () => {
    if (!canAdd) return;
    const m: MeasureDraft = { name: effectiveName, fn, argument: argument.trim(), returnType: '' };
    setDraft({ ...draft, measures: [...draft.measures, m] });
    setArgument('');
    setName('');
    setNameTouched(false);
    document.getElementById('new-measure-argument')?.focus();
  };
  const onEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  };
  const set = (i: number, patch: Partial<MeasureDraft>) =>
    setDraft({ ...draft, measures: draft.measures.map((m, j) => (j === i ? { ...m, ...patch } : m)) });

  return (
    <div class="stack">
      <h2>Measures</h2>
      <p class="sub">What each cuboid cell precomputes. Queries can ask for these aggregates over any cuboid; SUM, MIN,
        MAX and COUNT roll up, COUNT_DISTINCT merges its bitmaps.</p>
      {issues.at('measures') ? <Notice kind="bad">{issues.at('measures')}</Notice> : null}
      <datalist id="fact-columns">{factCols.map((c) => <option key={c.column} value={c.column}>{c.type}</option>)}</datalist>
      <datalist id="return-types">{RETURN_TYPES.map((t) => <option key={t} value={t} />)}</datalist>
      <div class="table-wrap">
        <table class="grid" aria-label="Measures">
          <thead><tr><th>Name</th><th>Function</th><th>Argument</th><th>Return type</th><th /></tr></thead>
          <tbody>
            {draft.measures.map((m, i) => {
              const p = `measures[${i}]`;
              const errs = issues.under(p);
              return (
                <Fragment key={i}>
                  <tr>
                    <td><input aria-label={`Name of measure ${i + 1}`} value={m.name} size={16} aria-invalid={!!issues.at(`${p}.name`)}
                      onInput={(e) => set(i, { name: (e.target as HTMLInputElement).value })} /></td>
                    <td>
                      <select aria-label={`Function of ${m.name}`} value={m.fn}
                        onChange={(e) => set(i, { fn: (e.target as HTMLSelectElement).value as MeasureFunction })}>
                        {MEASURE_FUNCTIONS.map((f) => <option key={f} value={f}>{f === 'COUNT_DISTINCT' ? 'COUNT_DISTINCT (exact)' : f}</option>)}
                      </select>
                    </td>
                    <td><input aria-label={`Argument of ${m.name}`} class="mono" list="fact-columns" value={m.argument} size={28}
                      placeholder={m.fn === 'COUNT' ? '* (all rows)' : 'column or expression'} aria-invalid={!!issues.at(`${p}.argument`)}
                      onInput={(e) => set(i, { argument: (e.target as HTMLInputElement).value })} /></td>
                    <td><input aria-label={`Return type of ${m.name}`} class="mono" list="return-types" value={m.returnType} size={12}
                      placeholder="inferred" aria-invalid={!!issues.at(`${p}.returnType`)}
                      onInput={(e) => set(i, { returnType: (e.target as HTMLInputElement).value })} /></td>
                    <td style={{ textAlign: 'right' }}>
                      <button type="button" class="ghost icon" aria-label={`Move ${m.name} up`} disabled={i === 0}
                        onClick={() => setDraft({ ...draft, measures: move(draft.measures, i, -1) })}>↑</button>
                      <button type="button" class="ghost icon" aria-label={`Move ${m.name} down`} disabled={i === draft.measures.length - 1}
                        onClick={() => setDraft({ ...draft, measures: move(draft.measures, i, 1) })}>↓</button>
                      <button type="button" class="ghost small danger" aria-label={`Remove ${m.name}`}
                        onClick={() => setDraft({ ...draft, measures: draft.measures.filter((_, j) => j !== i) })}>Remove</button>
                    </td>
                  </tr>
                  {errs.length > 0 ? <tr><td colSpan={5} class="error-text" role="alert" style={{ whiteSpace: 'normal' }}>
                    {errs.map((e) => <div key={e.path + e.message}>{e.message}</div>)}</td></tr> : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <fieldset class="group" style={{ margin: 0 }}>
        <legend class="label">Add a measure</legend>
        <div class="row">
          <Field label="Function">
            {(id) => (
              <select id={id} value={fn} onChange={(e) => setFn((e.target as HTMLSelectElement).value as MeasureFunction)}>
                {MEASURE_FUNCTIONS.map((f) => <option key={f} value={f}>{f === 'COUNT_DISTINCT' ? 'COUNT_DISTINCT (exact)' : f}</option>)}
              </select>
            )}
          </Field>
          <Field label="Argument" hint={HELP[fn]} id="new-measure-argument">
            {(id, d) => <input id={id} aria-describedby={d} class="mono" list="fact-columns" value={argument}
              size={34} placeholder={fn === 'COUNT' ? '(empty: COUNT(*))' : 'clicks  or  price * quantity'}
              onInput={(e) => setArgument((e.target as HTMLInputElement).value)} onKeyDown={onEnter} />}
          </Field>
          <Field label="Name">
            {(id) => <input id={id} value={nameTouched ? name : suggested} size={18}
              onInput={(e) => { setName((e.target as HTMLInputElement).value); setNameTouched(true); }} onKeyDown={onEnter} />}
          </Field>
          <button type="button" onClick={add} disabled={!canAdd}>Add measure</button>
        </div>
      </fieldset>
    </div>
  );
}
