import { PageHead } from '../components/ui';

export function NotFound({ path }: { path: string }) {
  return (
    <div>
      <PageHead title="Not found" />
      <div class="panel empty">Nothing lives at <code>{path}</code>. Pick a section on the left.</div>
    </div>
  );
}
