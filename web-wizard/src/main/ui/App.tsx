// The app shell: top bar (project picker, server health), navigation, and the page for the current path.
import { useEffect, useState } from 'preact/hooks';
import { api, type Health, type Project } from './lib/api';
import { errorText } from './lib/http';
import { enc, match, navigate, usePath } from './lib/router';
import { Link, Spinner } from './components/ui';
import { IconCube, IconInsight, IconJobs, IconModel, IconTables } from './components/icons';
import { TablesPage } from './pages/Tables';
import { NoProjectPage } from './pages/NoProject';
import { NotFound } from './pages/NotFound';
import { ModelDesigner, ModelsPage } from './pages/Models';
import { CubesPage } from './pages/Cubes';
import { CubeWizard } from './pages/CubeWizard';
import { JobsPage } from './pages/Jobs';
import { JobPage } from './pages/JobPage';
import { InsightPage } from './pages/Insight';

const SECTIONS = [
  { key: 'tables', label: 'Data sources', icon: IconTables },
  { key: 'models', label: 'Models', icon: IconModel },
  { key: 'cubes', label: 'Cubes', icon: IconCube },
  { key: 'jobs', label: 'Jobs', icon: IconJobs },
  { key: 'insight', label: 'Insight', icon: IconInsight },
] as const;

function useHealth(): Health | 'down' | undefined {
  const [health, setHealth] = useState<Health | 'down'>();
  useEffect(() => {
    let alive = true;
    const check = () => api.health().then((h) => alive && setHealth(h), () => alive && setHealth('down'));
    check();
    const t = setInterval(check, 15000);
    return () => { alive = false; clearInterval(t); };
  }, []);
  return health;
}

export function App() {
  const path = usePath();
  const health = useHealth();
  const [projects, setProjects] = useState<Project[]>();
  const [loadError, setLoadError] = useState<string>();
  const reloadProjects = () => api.projects().then(setProjects, (e) => setLoadError(errorText(e)));
  useEffect(() => { reloadProjects(); }, []);

  const inProject = match('/p/:project', path) ?? matchPrefix(path);
  const project = inProject?.project;
  const section = path.split('/')[3] ?? 'tables';

  useEffect(() => {
    if (projects === undefined || project !== undefined) return;
    if (projects.length > 0) navigate(`/p/${enc(projects[0].name)}/tables`, true);
  }, [projects, project]);

  return (
    <>
      <header class="topbar">
        <Link class="brand" href={project ? `/p/${enc(project)}/tables` : '/'}>
          <span class="brand-mark" aria-hidden="true">H</span> Haechi
        </Link>
        <div class="spacer" />
        {projects && projects.length > 0 ? (
          <div class="row center">
            <label for="project-picker">Project</label>
            <select id="project-picker" value={project ?? ''}
              onChange={(e) => navigate(`/p/${enc((e.target as HTMLSelectElement).value)}/${section}`)}>
              {projects.map((p) => <option key={p.name} value={p.name}>{p.name}</option>)}
            </select>
          </div>
        ) : null}
        <HealthBadge health={health} />
      </header>
      <div class="layout">
        <nav class="sidenav" aria-label="Sections">
          {SECTIONS.map((s) => {
            const Icon = s.icon;
            const href = project ? `/p/${enc(project)}/${s.key}` : '/';
            return (
              <Link key={s.key} href={href} aria-current={project && section === s.key ? 'page' : undefined}>
                <Icon /> {s.label}
              </Link>
            );
          })}
        </nav>
        <main class="main" id="main">
          {loadError ? <NoProjectPage error={loadError} onCreated={reloadProjects} />
            : projects === undefined ? <Spinner />
            : project === undefined ? (projects.length === 0 ? <NoProjectPage onCreated={reloadProjects} /> : <Spinner />)
            : <Page project={project} path={path} />}
        </main>
      </div>
    </>
  );
}

function HealthBadge({ health }: { health: Health | 'down' | undefined }) {
  const up = health !== undefined && health !== 'down' && health.status === 'UP' && health.store === 'UP';
  const text = health === undefined ? 'connecting' : health === 'down' ? 'server unreachable'
    : up ? `Haechi ${health.version}` : `store down${health.message ? `: ${health.message}` : ''}`;
  return (
    <div class="health" data-testid="health" title={health !== undefined && health !== 'down' && health.jdbcUrl ? `JDBC: ${health.jdbcUrl}` : undefined}>
      <span class={`dot ${health === undefined ? '' : up ? 'ok' : 'bad'}`} aria-hidden="true" /> {text}
    </div>
  );
}

function matchPrefix(path: string): { project: string } | null {
  const parts = path.split('/').filter(Boolean);
  return parts[0] === 'p' && parts.length >= 2 ? { project: decodeURIComponent(parts[1]) } : null;
}

function Page({ project, path }: { project: string; path: string }) {
  const rest = '/' + path.split('/').filter(Boolean).slice(2).join('/');
  let m: Record<string, string> | null;
  if (rest === '/' || rest === '/tables') return <TablesPage project={project} />;
  if ((m = match('/tables/:table', rest))) return <TablesPage project={project} selected={m.table} />;
  if (rest === '/models') return <ModelsPage project={project} />;
  if (rest === '/models/new') return <ModelDesigner key="new" project={project} />;
  if ((m = match('/models/:model', rest))) return <ModelDesigner key={m.model} project={project} name={m.model} />;
  if (rest === '/cubes') return <CubesPage project={project} />;
  if (rest === '/cubes/new') return <CubeWizard key="new" project={project} />;
  if ((m = match('/cubes/:cube', rest))) return <CubeWizard key={m.cube} project={project} name={m.cube} />;
  if (rest === '/jobs') return <JobsPage project={project} />;
  if ((m = match('/jobs/:job', rest))) return <JobPage key={m.job} project={project} id={m.job} />;
  if (rest === '/insight') return <InsightPage project={project} />;
  return <NotFound path={path} />;
}
