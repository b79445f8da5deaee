// One job: its step graph (state, duration and progress per step, from the steps' dependencies), the job's
// progress and ETA, the log of a chosen step (or all), and resume / cancel / discard. Polls while it runs.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Job, type JobStep, type LogLine } from '../lib/api';
import { layoutDag } from '../lib/dag';
import { eta, formatDuration, formatTime } from '../lib/format';
import { enc } from '../lib/router';
import { usePolling } from '../lib/usePolling';
import { ErrorNotice, Link, PageHead, Progress, Spinner, StateBadge, useToast } from '../components/ui';
import { isActive } from './Jobs';

export function JobPage({ project, id }: { project: string; id: string }) {
  const [job, setJob] = useState<Job>();
  const [error, setError] = useState<unknown>();
  const [actionError, setActionError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<string>();
  const [toast, showToast] = useToast();
  const load = () => api.job(id).then((j) => { setJob(j); setError(undefined); }, setError);
  useEffect(() => { load(); }, [id]);
  usePolling(load, 1000, job !== undefined && isActive(job), [id]);

  if (!job) return error ? <div><PageHead title="Job" /><ErrorNotice error={error} /></div> : <Spinner />;

  const act = async (action: 'resume' | 'cancel' | 'discard') => {
    if (action === 'discard' && !confirm('Discard this job? Its partial data and work files are removed; it cannot be resumed.')) return;
    setBusy(true);
    setActionError(undefined);
    try {
      setJob(await api.jobAction(job.id, action));
      showToast(action === 'resume' ? 'Resumed' : action === 'cancel' ? 'Cancel requested: the running step stops at its next check' : 'Discarded');
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };
  const running = job.state === 'RUNNING';
  const etaMs = job.etaMs ?? (running ? eta(job.elapsedMs ?? 0, job.progress) : undefined);

  return (
    <div>
      <PageHead title={`Build ${job.cube} ${job.segment ?? ''}`}
        crumbs={<><Link href={`/p/${enc(project)}/jobs`}>Jobs</Link> / <span class="mono">{job.id}</span></>}
        sub={job.from && job.to ? `segment [${job.from}, ${job.to})` : undefined}>
        <button type="button" onClick={() => act('resume')} disabled={busy || !job.resumable}>Resume</button>
        <button type="button" onClick={() => act('cancel')} disabled={busy || !job.cancellable}>Cancel</button>
        <button type="button" class="danger" onClick={() => act('discard')} disabled={busy || !job.discardable}>Discard</button>
      </PageHead>
      <ErrorNotice error={actionError} title="Refused:" />
      <ErrorNotice error={error} title="Lost contact:" />
      <section class="panel" aria-label="Job status">
        <div class="row center" style={{ gap: '18px', flexWrap: 'wrap' }}>
          <span data-testid="job-state"><StateBadge state={job.state} /></span>
          {job.orphaned ? <span class="badge failed">orphaned: resume it</span> : null}
          {job.queued ? <span class="badge">queued for a build slot</span> : null}
          <div style={{ flex: 1, minWidth: '200px' }}><Progress value={job.progress} state={job.state} /></div>
          <strong data-testid="job-progress">{Math.round(job.progress * 100)}%</strong>
          <span>run time <strong>{formatDuration(job.elapsedMs)}</strong></span>
          {running ? <span>ETA <strong data-testid="job-eta">{etaMs !== undefined ? formatDuration(etaMs) : 'estimating'}</strong></span> : null}
        </div>
        <div class="sub" style={{ marginTop: '8px' }}>
          created {formatTime(job.createdAt)} · started {formatTime(job.startedAt)} · ended {formatTime(job.endedAt)}
        </div>
        {job.message ? <p style={{ marginTop: '8px' }} class={job.state === 'FAILED' ? 'error-text' : ''}>{job.message}</p> : null}
      </section>
      <section class="panel" aria-label="Steps">
        <div class="panel-head"><h2>Steps</h2><span class="sub">click a step for its log</span></div>
        <StepGraph steps={job.steps} selected={step} onSelect={(s) => setStep(s === step ? undefined : s)} />
        <StepTable steps={job.steps} selected={step} onSelect={setStep} />
      </section>
      <LogPanel key={`${job.id}/${step ?? ''}`} jobId={job.id} step={step} live={isActive(job)} />
      {toast}
    </div>
  );
}

const NODE_W = 190;
const NODE_H = 66;
const GAP_X = 56;
const GAP_Y = 18;

function StepGraph({ steps, selected, onSelect }: { steps: JobStep[]; selected?: string; onSelect: (s: string) => void }) {
  const { placed, columns, rows } = layoutDag(steps);
  const pos = new Map(placed.map((p) => [p.name, { x: p.column * (NODE_W + GAP_X), y: p.row * (NODE_H + GAP_Y) }]));
  const width = Math.max(1, columns * (NODE_W + GAP_X) - GAP_X) + 8;
  const height = Math.max(1, rows * (NODE_H + GAP_Y) - GAP_Y) + 8;
  return (
    <div class="dag">
      <svg width={width} height={height} viewBox={`-4 -4 ${width} ${height}`} role="list" aria-label="Step graph">
        {steps.flatMap((s) => s.dependsOn.filter((d) => pos.has(d)).map((d) => {
          const a = pos.get(d)!;
          const b = pos.get(s.name)!;
          const x1 = a.x + NODE_W;
          const y1 = a.y + NODE_H / 2;
          const x2 = b.x;
          const y2 = b.y + NODE_H / 2;
          const mid = (x1 + x2) / 2;
          return <path key={`${d}->${s.name}`} class="edge" d={`M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2 - 6},${y2}`}
            marker-end="url(#arrow)" />;
        }))}
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="4" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#b5bdcc" />
          </marker>
        </defs>
        {steps.map((s) => {
          const p = pos.get(s.name)!;
          const st = s.state.toLowerCase();
          const pct = Math.round(s.progress * 100);
          return (
            <g key={s.name} class={`node ${st} ${selected === s.name ? 'selected' : ''}`} transform={`translate(${p.x},${p.y})`}
              role="listitem" tabIndex={0} aria-label={`${s.name}: ${st}, ${pct}%`} data-step={s.name} data-state={s.state}
              onClick={() => onSelect(s.name)}
              onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onSelect(s.name); } }}>
              <rect class="box" width={NODE_W} height={NODE_H} rx={8} />
              <text x={12} y={21} font-weight="600">{s.name}</text>
              <text x={12} y={39} class="meta">{st}{s.durationMs !== null && s.durationMs !== undefined ? ` · ${formatDuration(s.durationMs)}` : ''}</text>
              <rect x={12} y={49} width={NODE_W - 24} height={5} rx={2.5} style={{ fill: '#e3e7ee' }} />
              <rect x={12} y={49} width={((NODE_W - 24) * Math.max(0, Math.min(100, pct))) / 100} height={5} rx={2.5}
                style={{ fill: st === 'failed' ? '#c0392b' : st === 'done' ? '#1f8a5b' : '#2f5fd0' }} />
            </g>
          );
        })}
      </svg>
    </div>
  );
}

function StepTable({ steps, selected, onSelect }: { steps: JobStep[]; selected?: string; onSelect: (s: string) => void }) {
  return (
    <div class="table-wrap" style={{ marginTop: '12px' }}>
      <table class="grid" aria-label="Step details">
        <thead><tr><th>Step</th><th>State</th><th>Progress</th><th>Started</th><th>Ended</th><th>Duration</th><th>Message</th></tr></thead>
        <tbody>
          {steps.map((s) => (
            <tr key={s.name} class={selected === s.name ? 'selected' : ''}>
              <td><button type="button" class="ghost small" onClick={() => onSelect(s.name)}>{s.name}</button></td>
              <td><StateBadge state={s.state} /></td>
              <td><div class="row center"><Progress value={s.progress} state={s.state} /><span class="sub">{Math.round(s.progress * 100)}%</span></div></td>
              <td>{formatTime(s.startedAt)}</td>
              <td>{formatTime(s.endedAt)}</td>
              <td class="num">{formatDuration(s.durationMs ?? undefined)}</td>
              <td class="muted" style={{ whiteSpace: 'normal' }}>{s.message ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LogPanel({ jobId, step, live }: { jobId: string; step?: string; live: boolean }) {
  const [lines, setLines] = useState<LogLine[]>([]);
  const [error, setError] = useState<unknown>();
  const offset = useRef(0);
  const box = useRef<HTMLPreElement>(null);
  const fetchMore = async () => {
    try {
      const log = await api.jobLog(jobId, step, offset.current);
      offset.current = log.nextOffset;
      if (log.lines.length > 0) setLines((old) => [...old, ...log.lines]);
      setError(undefined);
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => { fetchMore(); }, []);
  usePolling(fetchMore, 1500, live);
  useEffect(() => {
    const el = box.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lines.length]);
  return (
    <section class="panel" aria-label="Log">
      <div class="panel-head"><h2>Log</h2><span class="sub">{step ? `step ${step}` : 'all steps'}</span></div>
      <ErrorNotice error={error} title="No log:" />
      <pre class="log" ref={box} data-testid="job-log">
        {lines.length === 0 ? 'no lines yet' : lines.map((l) => `${formatTime(l.time)} ${l.level.padEnd(5)} ${l.step ? `[${l.step}] ` : ''}${l.message}`).join('\n')}
      </pre>
    </section>
  );
}
