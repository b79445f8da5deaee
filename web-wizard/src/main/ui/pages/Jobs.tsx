// Jobs: every build of the project, newest first, with state, progress, duration and ETA; refreshed while any runs.
import { useEffect, useState } from 'preact/hooks';
import { api, type Job, type JobState } from '../lib/api';
import { formatDuration, formatTime } from '../lib/format';
import { enc } from '../lib/router';
import { usePolling } from '../lib/usePolling';
import { ErrorNotice, Link, PageHead, Progress, StateBadge } from '../components/ui';
import { ListPanel } from '../components/ListPanel';

const STATES: JobState[] = ['PENDING', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED', 'DISCARDED'];

export const isActive = (j: Job) => j.state === 'RUNNING' || j.state === 'PENDING';

export function JobsPage({ project }: { project: string }) {
  const [jobs, setJobs] = useState<Job[]>();
  const [error, setError] = useState<unknown>();
  const [filter, setFilter] = useState<JobState | ''>('');
  const load = () => api.jobs(project).then((j) => { setJobs(j); setError(undefined); }, setError);
  useEffect(() => { setJobs(undefined); load(); }, [project]);
  usePolling(load, 2000, jobs !== undefined && jobs.some(isActive), [project]);
  const shown = (jobs ?? []).filter((j) => filter === '' || j.state === filter);

  return (
    <div>
      <PageHead title="Jobs" sub="Builds of this project's cubes. A failed or cancelled build resumes from its last finished step.">
        <label class="label" for="job-filter">State</label>
        <select id="job-filter" value={filter} onChange={(e) => setFilter((e.target as HTMLSelectElement).value as JobState | '')}>
          <option value="">all</option>
          {STATES.map((s) => <option key={s} value={s}>{s.toLowerCase()}</option>)}
        </select>
        <button type="button" onClick={load}>Refresh</button>
      </PageHead>
      <ErrorNotice error={error} title="Could not list the jobs:" />
      <ListPanel items={jobs === undefined ? undefined : shown} label="Jobs"
        empty={jobs?.length === 0 ? 'No jobs yet. Build a cube from the Cubes page or the wizard.' : 'No job in this state.'}
        head={<tr><th>Job</th><th>Cube</th><th>Range</th><th>State</th><th>Progress</th><th>Created</th>
          <th>Run time</th><th>ETA</th><th>Message</th></tr>}>
        {(items) => items.map((j) => (
          <tr key={j.id} data-job={j.id}>
            <td><Link href={`/p/${enc(project)}/jobs/${enc(j.id)}`} class="mono">{j.segment ?? j.id}</Link>
              <div class="sub">{j.type.toLowerCase()}</div></td>
            <td>{j.cube}</td>
            <td>{j.from && j.to ? `${j.from} → ${j.to}` : '–'}</td>
            <td><StateBadge state={j.state} />{j.orphaned ? <span class="badge failed" title="its process is gone: resume it"> orphaned</span> : null}
              {j.queued ? <span class="sub"> queued</span> : null}</td>
            <td style={{ minWidth: '120px' }}><div class="row center"><Progress value={j.progress} state={j.state} />
              <span class="sub">{Math.round(j.progress * 100)}%</span></div></td>
            <td>{formatTime(j.createdAt)}</td>
            <td class="num">{formatDuration(j.elapsedMs)}</td>
            <td class="num">{j.state === 'RUNNING' ? formatDuration(j.etaMs ?? undefined) : '–'}</td>
            <td class="muted" style={{ whiteSpace: 'normal', maxWidth: '320px' }}>{j.message ?? ''}</td>
          </tr>
        ))}
      </ListPanel>
    </div>
  );
}
