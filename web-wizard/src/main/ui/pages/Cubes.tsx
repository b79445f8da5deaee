// The project's cubes with their segments (ranges, rows, bytes; drop), a build form per cube.
import { useEffect, useState } from 'preact/hooks';
import { api, type Partitions, type Segment, type Versioned } from '../lib/api';
import type { CubeJson } from '../lib/descriptors';
import { formatBytes, formatCount, nextDay } from '../lib/format';
import { DateRange } from '../components/DateRange';
import { enc, navigate } from '../lib/router';
import { ErrorNotice, Link, PageHead, Spinner, StateBadge, useEscape, useToast } from '../components/ui';

export function CubesPage({ project }: { project: string }) {
  const [cubes, setCubes] = useState<Versioned<CubeJson>[]>();
  const [segments, setSegments] = useState<Segment[]>([]);
  const [error, setError] = useState<unknown>();
  const [building, setBuilding] = useState<string>();
  const [toast, showToast] = useToast();
  const reload = () => {
    api.cubes(project).then(setCubes, setError);
    api.segments(project).then(setSegments, setError);
  };
  useEffect(() => { setCubes(undefined); reload(); }, [project]);

  const drop = async (s: Segment) => {
    if (!confirm(`Drop segment ${s.name} of ${s.cube}? Queries stop seeing its rows at once.`)) return;
    try {
      await api.dropSegment(project, s.cube, s.name);
      showToast(`Dropped segment ${s.name}`);
      reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div>
      <PageHead title="Cubes" sub="Precomputed aggregates of a model, built into segments by date range.">
        <Link class="button primary" href={`/p/${enc(project)}/cubes/new`}>New cube</Link>
      </PageHead>
      <ErrorNotice error={error} />
      {cubes === undefined ? <Spinner />
        : cubes.length === 0 ? <div class="panel empty">No cubes yet. Create one with the cube wizard.</div>
        : cubes.map((c) => {
          const d = c.descriptor;
          const own = segments.filter((s) => s.cube === c.name);
          const ready = own.filter((s) => s.status === 'READY');
          return (
            <section class="panel" key={c.name} aria-label={`Cube ${c.name}`}>
              <div class="panel-head">
                <h2><Link href={`/p/${enc(project)}/cubes/${enc(c.name)}`}>{c.name}</Link></h2>
                <span class="sub">on model {d.model} · {d.dimensions.length} dimensions · {d.measures.length} measures ·
                  {' '}{ready.length} ready {ready.length === 1 ? 'segment' : 'segments'},
                  {' '}{formatCount(ready.reduce((n, s) => n + s.cuboidRows, 0))} rows,
                  {' '}{formatBytes(ready.reduce((n, s) => n + s.bytes, 0))}</span>
                <div class="spacer" />
                <Link class="button small" href={`/p/${enc(project)}/cubes/${enc(c.name)}`}>Edit</Link>
                <button type="button" class="small primary" onClick={() => setBuilding(c.name)}>Build…</button>
              </div>
              {building === c.name ? (
                <BuildForm project={project} cube={c.name} segments={own} onClose={() => setBuilding(undefined)} />
              ) : null}
              {own.length > 0 ? (
                <div class="table-wrap">
                  <table class="grid" aria-label={`Segments of ${c.name}`}>
                    <thead><tr><th>Segment</th><th>Range</th><th>Status</th><th>Source rows</th><th>Cuboids</th>
                      <th>Cuboid rows</th><th>Stored</th><th>Job</th><th /></tr></thead>
                    <tbody>
                      {own.map((s) => (
                        <tr key={s.name}>
                          <td class="mono">{s.name}</td>
                          <td>{s.from} → {s.to}</td>
                          <td><StateBadge state={s.status} /></td>
                          <td class="num">{formatCount(s.sourceRows)}</td>
                          <td class="num">{formatCount(s.cuboids)}</td>
                          <td class="num">{formatCount(s.cuboidRows)}</td>
                          <td class="num">{formatBytes(s.bytes)}</td>
                          <td><Link href={`/p/${enc(project)}/jobs/${enc(s.jobId)}`}>job</Link></td>
                          <td>{s.status === 'READY'
                            ? <button type="button" class="small danger" onClick={() => drop(s)}>Drop</button> : null}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : <p class="muted">Not built yet.</p>}
            </section>
          );
        })}
      {toast}
    </div>
  );
}

/** Start a build of [from, to): the job page follows. */
export function BuildForm({ project, cube, segments, onClose }: {
  project: string; cube: string; segments: Segment[]; onClose?: () => void;
}) {
  const last = [...segments].sort((a, b) => a.to.localeCompare(b.to)).pop();
  const [from, setFrom] = useState(last?.to ?? '');
  const [to, setTo] = useState(last ? nextDay(last.to) : '');
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [partitions, setPartitions] = useState<Partitions>();
  useEscape(() => onClose?.());
  // The first range of source days no segment holds yet is the natural next build.
  useEffect(() => {
    api.partitions(project, cube).then((p) => {
      setPartitions(p);
      const next = p.unbuilt[0];
      if (next) {
        setFrom(next.from);
        setTo(next.to);
      }
    }, () => setPartitions(undefined));
  }, [project, cube]);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      const job = await api.build(project, cube, from, to);
      navigate(`/p/${enc(project)}/jobs/${enc(job.id)}`);
    } catch (err) {
      setFailure(err);
      setBusy(false);
    }
  };
  return (
    <form class="stack" onSubmit={submit} aria-label={`Build ${cube}`} style={{ marginBottom: '12px' }}>
      <div class="row">
        <DateRange from={from} to={to} required autoFocus={onClose !== undefined}
          onChange={(f, t) => { setFrom(f); setTo(t); }} />
        <button class="primary" type="submit" disabled={busy || !from || !to}>{busy ? 'Starting…' : 'Start build'}</button>
        {onClose ? <button type="button" class="ghost" onClick={onClose}>Cancel</button> : null}
      </div>
      {partitions ? (
        <p class="sub" data-testid="partitions">
          {partitions.days > 0
            ? <>The source holds {partitions.days} {partitions.days === 1 ? 'day' : 'days'} of {partitions.table}.{partitions.column},
              {' '}{partitions.first} to {partitions.last}; {partitions.unbuilt.length === 0 ? 'all of them are built.'
                : `not built yet: ${partitions.unbuilt.map((u) => `[${u.from}, ${u.to})`).join(', ')}.`}</>
            : `No dated files found under ${partitions.table} (by ${partitions.column}).`}
        </p>
      ) : null}
      <ErrorNotice error={failure} title="Not started:" />
    </form>
  );
}
