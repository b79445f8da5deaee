// The cube wizard: Info → Dimensions → Measures → Aggregation groups → Row key → Overview, then Save and Build.
// Every edit is validated by the API (debounced): problems show at their step and field, and the cuboid count per
// aggregation group and in total updates as you go.
import { Fragment } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, type Segment, type Validation, type Versioned } from '../lib/api';
import type { ModelJson, TableJson } from '../lib/descriptors';
import { emptyCube, fromCubeJson, groupOfAll, storedDimensions, toCubeJson, type CubeDraft } from '../lib/cubeDraft';
import { formatBytes, formatCount } from '../lib/format';
import { ApiError, errorText } from '../lib/http';
import { IssueIndex } from '../lib/issues';
import { enc, navigate } from '../lib/router';
import { useValidation } from '../lib/useValidation';
import { ErrorNotice, Link, Notice, PageHead, Spinner, useToast } from '../components/ui';
import { InfoStep } from './wizard/InfoStep';
import { DimensionsStep } from './wizard/DimensionsStep';
import { MeasuresStep } from './wizard/MeasuresStep';
import { GroupsStep, cuboidText } from './wizard/GroupsStep';
import { RowKeyStep } from './wizard/RowKeyStep';
import { OverviewStep } from './wizard/OverviewStep';

const STEPS = [
  { key: 'info', label: 'Info', roots: ['name', 'model'] },
  { key: 'dimensions', label: 'Dimensions', roots: ['dimensions'] },
  { key: 'measures', label: 'Measures', roots: ['measures'] },
  { key: 'groups', label: 'Aggregation groups', roots: ['aggregationGroups', 'mandatoryCuboids'] },
  { key: 'rowkey', label: 'Row key', roots: ['rowKey', 'shardBy'] },
  { key: 'overview', label: 'Overview', roots: [] as string[] },
] as const;

export interface StepProps {
  project: string;
  draft: CubeDraft;
  setDraft: (d: CubeDraft) => void;
  issues: IssueIndex;
  validation?: Validation;
  model?: ModelJson;
  tables: TableJson[];
  isNew: boolean;
}

export function CubeWizard({ project, name }: { project: string; name?: string }) {
  const [models, setModels] = useState<Versioned<ModelJson>[]>();
  const [tables, setTables] = useState<TableJson[]>();
  const [draft, setDraft] = useState<CubeDraft>();
  const [version, setVersion] = useState<number>();
  const [segments, setSegments] = useState<Segment[]>([]);
  const [step, setStep] = useState(() => {
    const wanted = new URLSearchParams(location.search).get('step');
    return Math.max(0, STEPS.findIndex((s) => s.key === wanted));
  });
  const [loadError, setLoadError] = useState<unknown>();
  const [saveError, setSaveError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const [savedJson, setSavedJson] = useState<string>();
  const [toast, showToast] = useToast();

  useEffect(() => {
    api.models(project).then(setModels, setLoadError);
    api.tables(project).then((v) => setTables(v.map((t) => t.descriptor)), setLoadError);
    if (name === undefined) {
      const wanted = new URLSearchParams(location.search).get('model') ?? '';
      setDraft(emptyCube(wanted));
    } else {
      api.cube(project, name).then((v) => {
        setDraft(fromCubeJson(v.descriptor));
        setVersion(v.version);
        setSavedJson(JSON.stringify(v.descriptor));
      }, setLoadError);
      api.segments(project, name).then(setSegments, () => setSegments([]));
    }
  }, [project, name]);

  // A new cube on a project with one model takes it.
  useEffect(() => {
    if (draft && draft.model === '' && models && models.length === 1) setDraft({ ...draft, model: models[0].name });
  }, [models, draft?.model]);

  const doc = useMemo(() => (draft ? toCubeJson(draft) : undefined), [draft]);
  const ready = doc !== undefined && doc.name !== '' && doc.model !== '' && doc.dimensions.length > 0;
  const validation = useValidation(ready ? doc : undefined, (d, signal) => api.validateCube(project, d, signal));
  const issues = new IssueIndex(validation.result?.issues ?? []);
  const model = models?.find((m) => m.name.toLowerCase() === draft?.model.toLowerCase())?.descriptor;

  if (loadError) return <div><PageHead title={name ? `Cube ${name}` : 'New cube'} /><ErrorNotice error={loadError} /></div>;
  if (!draft || !models || !tables) return <Spinner />;

  const goTo = (i: number) => {
    // The groups step starts with one group over every stored dimension, as most cubes need.
    if (STEPS[i].key === 'groups' && draft.groups.length === 0 && storedDimensions(draft).length > 0) {
      setDraft({ ...draft, groups: [groupOfAll(draft)] });
    }
    setStep(i);
    const q = new URLSearchParams(location.search);
    q.set('step', STEPS[i].key);
    navigate(`${location.pathname}?${q}`, true);
    document.getElementById('wizard-step')?.focus();
  };
  const dirty = savedJson !== JSON.stringify(doc);

  const save = async (dropSegments = false) => {
    if (!doc) return;
    setSaving(true);
    setSaveError(undefined);
    try {
      const saved = version === undefined ? await api.createCube(project, doc)
        : await api.updateCube(project, doc, version, dropSegments);
      setVersion(saved.version);
      setSavedJson(JSON.stringify(saved.descriptor));
      showToast(`Saved cube ${doc.name} (version ${saved.version})`);
      if (name === undefined) navigate(`/p/${enc(project)}/cubes/${enc(doc.name)}?step=${STEPS[step].key}`, true);
    } catch (err) {
      setSaveError(err);
    } finally {
      setSaving(false);
    }
  };

  const props: StepProps = { project, draft, setDraft, issues, validation: validation.result, model, tables,
    isNew: name === undefined };
  const current = STEPS[step];
  const last = step === STEPS.length - 1;

  return (
    <div>
      <PageHead title={name ? `Cube ${name}` : 'New cube'}
        crumbs={<><Link href={`/p/${enc(project)}/cubes`}>Cubes</Link> / {name ?? 'new'}</>}
        sub={model ? `on model ${model.name} (fact table ${model.factTable})` : undefined} />
      <ol class="steps" aria-label="Wizard steps">
        {STEPS.map((s, i) => {
          const n = s.roots.length > 0 ? issues.anyOf(...s.roots).length
            : issues.outside(...STEPS.flatMap((x) => x.roots)).length;
          return (
            <li key={s.key}>
              <button type="button" aria-current={i === step ? 'step' : undefined} onClick={() => goTo(i)}
                data-step={s.key}>
                <span class="num">{i + 1}</span> {s.label}
                {n > 0 ? <span class="issues" aria-label={`${n} problems`}> · {n}</span> : null}
              </button>
            </li>
          );
        })}
      </ol>
      <div class="wizard">
        <form class="panel" id="wizard-step" tabIndex={-1} aria-label={current.label}
          onSubmit={(e) => { e.preventDefault(); if (!last) goTo(step + 1); }}>
          {current.key === 'info' ? <InfoStep {...props} models={models} />
            : current.key === 'dimensions' ? <DimensionsStep {...props} />
            : current.key === 'measures' ? <MeasuresStep {...props} />
            : current.key === 'groups' ? <GroupsStep {...props} />
            : current.key === 'rowkey' ? <RowKeyStep {...props} />
            : <OverviewStep {...props} doc={doc!} segments={segments} saved={version !== undefined && !dirty}
                cubeName={name} />}
          <div class="wizard-nav">
            <button type="button" disabled={step === 0} onClick={() => goTo(step - 1)}>Back</button>
            <div class="spacer" />
            {!last ? <button type="submit" class="primary">Next: {STEPS[step + 1].label}</button> : null}
          </div>
        </form>
        <aside class="summary stack">
          <CuboidSummary ready={ready} validation={validation.result} pending={validation.pending} error={validation.error} />
          <div class="panel stack">
            <h2>Save</h2>
            {saveError instanceof ApiError && saveError.codeName === 'CHANGE_INVALIDATES_SEGMENTS' ? (
              <Notice kind="warn" title="Built segments would no longer match:">
                {saveError.message}
                <div style={{ marginTop: '8px' }}>
                  <button type="button" class="danger small" onClick={() => save(true)}>Save and drop the segments</button>
                </div>
              </Notice>
            ) : saveError instanceof ApiError && saveError.status === 409 ? (
              <Notice kind="bad" title="Not saved:">{saveError.message}</Notice>
            ) : <ErrorNotice error={saveError} title="Not saved:" />}
            <p class="sub">{version === undefined ? 'Not saved yet.' : dirty ? `Version ${version}, with unsaved changes.` : `Saved, version ${version}.`}</p>
            <button type="button" class="primary" onClick={() => save(false)} disabled={saving || !ready || !dirty}
              data-testid="save-cube">
              {saving ? 'Saving…' : version === undefined ? 'Save cube' : 'Save changes'}
            </button>
            {!last ? <button type="button" onClick={() => goTo(STEPS.length - 1)}>Overview and build</button> : null}
          </div>
        </aside>
      </div>
      {toast}
    </div>
  );
}

function CuboidSummary({ ready, validation, pending, error }: {
  ready: boolean; validation?: Validation; pending: boolean; error?: unknown;
}) {
  const total = validation?.totalCuboids;
  const est = validation?.estimates;
  return (
    <section class="panel" aria-label="Cuboids" aria-live="polite">
      <div class="panel-head"><h2>Cuboids</h2><div class="spacer" />
        {pending && ready ? <span class="spinner" aria-label="counting" /> : null}</div>
      {!ready ? <p class="muted">Name the cube, pick its model and add a dimension to count its cuboids.</p>
        : error ? <Notice kind="bad">Could not validate: {errorText(error)}</Notice>
        : validation === undefined ? <p class="muted">Counting…</p> : (
          <>
            <div class="big" data-testid="total-cuboids">{total !== undefined ? formatCount(total) : '–'}</div>
            <div class="sub">{total !== undefined ? 'distinct cuboids to build, with the base'
              : `not counted: ${validation.issues.length} ${validation.issues.length === 1 ? 'problem' : 'problems'} to fix`}</div>
            <dl>
              {validation.groups.map((g) => (
                <Fragment key={g.group}>
                  <dt>group {g.group + 1}</dt>
                  <dd data-testid={`summary-group-${g.group}`} class={g.overCap ? 'error-text' : ''}>{cuboidText(g)}</dd>
                </Fragment>
              ))}
              <dt>cap per group</dt><dd>{formatCount(validation.cuboidCap)}</dd>
              {est && est.source !== 'none' ? (
                <>
                  <dt>estimated rows</dt><dd data-testid="estimated-rows">{formatCount(est.totalRows)}</dd>
                  <dt>estimated size</dt><dd data-testid="estimated-bytes">{formatBytes(est.totalBytes)}</dd>
                </>
              ) : null}
            </dl>
            {validation.valid ? <div class="notice ok" style={{ marginTop: '10px', marginBottom: 0 }} data-testid="cube-valid">Valid</div>
              : <div class="notice bad" style={{ marginTop: '10px', marginBottom: 0 }} data-testid="cube-issues">
                {validation.issues.length} {validation.issues.length === 1 ? 'problem' : 'problems'}: see the marked steps</div>}
          </>
        )}
    </section>
  );
}
