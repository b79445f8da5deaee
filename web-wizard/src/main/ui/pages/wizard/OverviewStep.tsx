// Overview: the cube as JSON (what `haechi apply -f` takes), its cuboid count, the size estimate (from built
// segments, or sketched from a sample of the fact rows), and the build form once it is saved.
import { useState } from 'preact/hooks';
import { api, type Estimates, type Segment } from '../../lib/api';
import type { CubeJson } from '../../lib/descriptors';
import { formatBytes, formatCount } from '../../lib/format';
import { ErrorNotice, Notice } from '../../components/ui';
import { DateRange } from '../../components/DateRange';
import { BuildForm } from '../Cubes';
import type { StepProps } from '../CubeWizard';

export function OverviewStep({ project, doc, validation, segments, saved, cubeName }: StepProps & {
  doc: CubeJson; segments: Segment[]; saved: boolean; cubeName?: string;
}) {
  const [copied, setCopied] = useState(false);
  const [sample, setSample] = useState<Estimates>();
  const [sampleError, setSampleError] = useState<unknown>();
  const [sampling, setSampling] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const json = JSON.stringify(doc, null, 2);
  const estimates = sample ?? (validation?.estimates?.source !== 'none' ? validation?.estimates : undefined);
  const stored = doc.dimensions.filter((d) => !d.derived).length;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(json);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  const estimate = async () => {
    setSampling(true);
    setSampleError(undefined);
    try {
      const v = await api.validateCube(project, doc, undefined, 'sample', { from, to });
      if (v.estimates) setSample(v.estimates);
      else setSampleError(new Error(v.valid ? 'the server gave no estimate' : 'fix the problems first'));
    } catch (e) {
      setSampleError(e);
    } finally {
      setSampling(false);
    }
  };

  return (
    <div class="stack">
      <h2>Overview</h2>
      <div class="grid-3">
        <Stat label="dimensions" value={`${stored} normal, ${doc.dimensions.length - stored} derived`} />
        <Stat label="measures" value={String(doc.measures.length)} />
        <Stat label="cuboids" value={validation?.totalCuboids !== undefined ? formatCount(validation.totalCuboids) : '–'}
          testId="overview-cuboids" />
      </div>
      {validation && !validation.valid ? (
        <Notice kind="bad" title={`${validation.issues.length} ${validation.issues.length === 1 ? 'problem' : 'problems'}:`}>
          <ul>{validation.issues.map((i) => <li key={i.path + i.message}>{i.path ? <code>{i.path}</code> : null} {i.message}</li>)}</ul>
        </Notice>
      ) : null}

      <section aria-labelledby="estimate-head">
        <h3 id="estimate-head" style={{ marginBottom: '6px' }}>Estimated size</h3>
        {estimates ? (
          <div class="stack">
            <p class="sub">{estimates.basis}{estimates.complete === false ? ' (a partial read: the rows are lower bounds)' : ''}</p>
            <div class="grid-3">
              <Stat label="cuboid rows" value={formatCount(estimates.totalRows)} testId="overview-rows" />
              <Stat label="stored bytes" value={formatBytes(estimates.totalBytes)} testId="overview-bytes" />
              <Stat label="fact rows" value={formatCount(estimates.factRows)} />
            </div>
            {estimates.cuboids.length > 0 ? <CuboidTable estimates={estimates} /> : null}
          </div>
        ) : <p class="sub">No built segment yet. Estimate from a sample of the fact rows (HyperLogLog per cuboid, about 2% error):</p>}
        <div class="row" style={{ marginTop: '8px' }}>
          <DateRange from={from} to={to} fromLabel="Sample from" toLabel="to (exclusive)"
            onChange={(f, t) => { setFrom(f); setTo(t); }} />
          <button type="button" onClick={estimate} disabled={sampling || !from || !to || validation?.valid !== true}>
            {sampling ? 'Sketching…' : 'Estimate from sample'}
          </button>
        </div>
        <ErrorNotice error={sampleError} title="No estimate:" />
      </section>

      <section aria-labelledby="json-head">
        <div class="row center" style={{ marginBottom: '6px' }}>
          <h3 id="json-head">Cube JSON</h3>
          <span class="sub">what <code>haechi apply -f</code> takes</span>
          <div style={{ flex: 1 }} />
          <button type="button" class="small" onClick={copy}>{copied ? 'Copied' : 'Copy'}</button>
          <a class="button small" download={`${doc.name || 'cube'}.json`}
            href={`data:application/json;charset=utf-8,${encodeURIComponent(json + '\n')}`}>Download</a>
        </div>
        <pre class="json" data-testid="cube-json">{json}</pre>
      </section>

      <section aria-labelledby="build-head">
        <h3 id="build-head" style={{ marginBottom: '6px' }}>Build</h3>
        {saved && cubeName ? <BuildForm project={project} cube={cubeName} segments={segments} />
          : <p class="sub">Save the cube (on the right) to build it.</p>}
      </section>
    </div>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div class="group" style={{ margin: 0 }}>
      <div class="sub">{label}</div>
      <div style={{ fontSize: '18px', fontWeight: 600 }} data-testid={testId}>{value}</div>
    </div>
  );
}

function CuboidTable({ estimates }: { estimates: Estimates }) {
  const [all, setAll] = useState(false);
  const sorted = [...estimates.cuboids].sort((a, b) => (b.rows ?? -1) - (a.rows ?? -1));
  const shown = all ? sorted : sorted.slice(0, 12);
  return (
    <div>
      <div class="table-wrap" style={{ maxHeight: '320px' }}>
        <table class="grid" aria-label="Estimated rows per cuboid">
          <thead><tr><th>Cuboid</th><th>Rows</th><th>Bytes</th></tr></thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.id}>
                <td class="mono" style={{ whiteSpace: 'normal' }}>{c.base ? <span class="badge plain">base</span> : null} ({c.dimensions.join(', ')})</td>
                <td class="num">{c.rows === null || c.rows === undefined ? 'not built' : formatCount(c.rows)}</td>
                <td class="num">{formatBytes(c.bytes ?? undefined)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sorted.length > 12 ? <button type="button" class="small ghost" onClick={() => setAll(!all)}>
        {all ? 'Show the largest 12' : `Show all ${sorted.length}`}</button> : null}
    </div>
  );
}
