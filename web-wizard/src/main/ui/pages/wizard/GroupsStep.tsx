// Aggregation groups: which cuboids to build. Each group includes some stored dimensions and prunes their 2^n
// combinations with rules: mandatory dimensions (in every cuboid), hierarchies (coarse to fine: only prefixes),
// joints (all or none) and a dimCap (at most N units per cuboid). The cuboid count comes from the API as you edit.
import { Fragment } from 'preact';
import { DEFAULT_CAP, type GroupCount } from '../../lib/api';
import {
  addRule, freeForRule, move, removeRule, roleOf, setGroup, setRule, storedDimensions, toggleInclude,
  toggleMandatory, groupOfAll, type GroupDraft, type RuleKind,
} from '../../lib/cubeDraft';
import { formatCount } from '../../lib/format';
import { Notice } from '../../components/ui';
import type { StepProps } from '../CubeWizard';

/** The exact count (cuboidsText when the number is too big for a double). */
export function cuboidText(g: GroupCount): string {
  return g.cuboidsText !== undefined ? formatCount(g.cuboidsText) : formatCount(g.cuboids);
}

/** From half the cap on, a group gets a warning; over it, the API reports an issue. */
export const WARN_FRACTION = 0.5;

export function GroupsStep({ draft, setDraft, issues, validation }: StepProps) {
  const stored = storedDimensions(draft);
  if (stored.length === 0) return <Notice kind="info">Add normal dimensions first: groups combine them.</Notice>;
  const inNoGroup = stored.filter((n) => !draft.groups.some((g) => g.includes.some((x) => x.toLowerCase() === n.toLowerCase())));
  const cap = validation?.cuboidCap ?? DEFAULT_CAP;
  return (
    <div class="stack">
      <div class="panel-head" style={{ marginBottom: 0 }}>
        <h2>Aggregation groups</h2>
        <div class="spacer" />
        <button type="button" onClick={() => setDraft({ ...draft, groups: [...draft.groups, groupOfAll(draft)] })}>Add group</button>
      </div>
      <p class="sub">A cube builds the cuboids of every group (a cuboid in two groups is built once) plus the base
        cuboid with all dimensions. Rules cut a group's 2<sup>n</sup> combinations down: <strong>mandatory</strong>{' '}
        dimensions are in every cuboid (halving the count each), a <strong>hierarchy</strong> of k levels gives k+1
        choices instead of 2<sup>k</sup>, a <strong>joint</strong> counts as one dimension, and <strong>dimCap</strong> caps
        the dimensions (units) per cuboid.</p>
      {issues.at('aggregationGroups') ? <Notice kind="bad">{issues.at('aggregationGroups')}</Notice> : null}
      {draft.groups.length === 0 ? <Notice kind="info">No groups: only the base cuboid will be built.</Notice> : null}
      {inNoGroup.length > 0 && draft.groups.length > 0
        ? <Notice kind="info">Only in the base cuboid (in no group): {inNoGroup.join(', ')}.</Notice> : null}
      {draft.groups.map((g, i) => (
        <GroupEditor key={i} index={i} group={g} count={validation?.groups.find((c) => c.group === i)} cap={cap}
          issues={issues} onChange={(ng) => setDraft(setGroup(draft, i, ng))}
          onRemove={() => setDraft({ ...draft, groups: draft.groups.filter((_, j) => j !== i) })} allStored={stored} />
      ))}
    </div>
  );
}

interface GroupProps {
  index: number;
  group: GroupDraft;
  count?: GroupCount;
  cap: number;
  issues: StepProps['issues'];
  allStored: string[];
  onChange: (g: GroupDraft) => void;
  onRemove: () => void;
}

function GroupEditor({ index, group, count, cap, issues, allStored, onChange, onRemove }: GroupProps) {
  const path = `aggregationGroups[${index}]`;
  const has = (n: string) => group.includes.some((x) => x.toLowerCase() === n.toLowerCase());
  const fraction = count ? count.cuboids / cap : 0;
  const level = count?.overCap ? 'bad' : fraction >= WARN_FRACTION ? 'warn' : '';
  const groupIssues = issues.under(path);
  return (
    <section class="group" aria-label={`Aggregation group ${index + 1}`} data-testid={`group-${index}`}>
      <div class="group-head">
        <h3>Group {index + 1}</h3>
        <span class="count" data-testid={`group-count-${index}`}>
          {count ? `${cuboidText(count)} cuboids` : 'counting…'}
        </span>
        {count ? <span class="sub">{count.shape}</span> : null}
        <div style={{ flex: 1 }} />
        <button type="button" class="ghost small danger" onClick={onRemove}>Remove group</button>
      </div>
      <div class={`meter ${level}`} role="meter" aria-label={`Group ${index + 1} cuboids against the cap`}
        aria-valuemin={0} aria-valuemax={cap} aria-valuenow={Math.min(cap, count?.cuboids ?? 0)}>
        <span style={{ width: `${Math.min(100, fraction * 100)}%` }} />
      </div>
      {count?.overCap ? (
        <Notice kind="bad">Over the cap: {cuboidText(count)} cuboids, but a group may have {formatCount(cap)}. Add
          hierarchies, joints, mandatory dimensions or a dimCap, or split the group.</Notice>
      ) : level === 'warn' && count ? (
        <Notice kind="warn">Close to the cap: {cuboidText(count)} of the {formatCount(cap)} cuboids a group may have.
          Builds grow with every cuboid; consider hierarchies, joints or a dimCap.</Notice>
      ) : null}
      {groupIssues.length > 0 ? (
        <div class="notice bad" role="alert" style={{ marginTop: '8px' }}>
          <ul style={{ margin: 0 }}>{groupIssues.map((i) => <li key={i.path + i.message}><code>{i.path.slice(path.length + 1) || 'group'}</code> {i.message}</li>)}</ul>
        </div>
      ) : null}

      <div class="label" style={{ margin: '10px 0 6px' }}>Includes</div>
      <div class="chips" role="group" aria-label="Included dimensions">
        {allStored.map((n) => (
          <button type="button" key={n} class="chip" aria-pressed={has(n)} onClick={() => onChange(toggleInclude(group, n))}>{n}</button>
        ))}
      </div>

      <div class="label" style={{ margin: '12px 0 6px' }}>Mandatory</div>
      <div class="chips" role="group" aria-label="Mandatory dimensions">
        {group.includes.map((n) => {
          const role = roleOf(group, n);
          const mandatory = role?.kind === 'mandatory';
          return (
            <button type="button" key={n} class={`chip ${mandatory ? 'mandatory' : ''}`} aria-pressed={mandatory}
              disabled={role !== undefined && !mandatory} title={role && !mandatory ? `in a ${role.kind}` : undefined}
              onClick={() => onChange(toggleMandatory(group, n))}>{n}</button>
          );
        })}
      </div>

      <RuleList kind="hierarchies" label="Hierarchies" group={group} onChange={onChange}
        hint="coarse to fine, e.g. region → city: a cuboid has none, region, or region and city" />
      <RuleList kind="joints" label="Joints" group={group} onChange={onChange}
        hint="always together, e.g. age_band + gender" />

      <div class="row center" style={{ marginTop: '12px' }}>
        <label class="label" for={`dimcap-${index}`}>dimCap</label>
        <input id={`dimcap-${index}`} type="number" min={0} max={63} value={group.dimCap} style={{ width: '80px' }}
          aria-invalid={!!issues.at(`${path}.dimCap`)}
          onInput={(e) => {
            const v = parseInt((e.target as HTMLInputElement).value, 10);
            onChange({ ...group, dimCap: Number.isFinite(v) && v >= 0 ? v : 0 });
          }} />
        <span class="sub">the most units (a dimension, hierarchy or joint; mandatory ones are free) per cuboid; 0 for no cap</span>
      </div>
    </section>
  );
}

function RuleList({ kind, label, hint, group, onChange }: { kind: RuleKind; label: string; hint: string;
  group: GroupDraft; onChange: (g: GroupDraft) => void }) {
  const free = freeForRule(group);
  const ordered = kind === 'hierarchies';
  const singular = ordered ? 'hierarchy' : 'joint';
  return (
    <div style={{ marginTop: '12px' }}>
      <div class="row center">
        <span class="label">{label}</span>
        <span class="sub">{hint}</span>
        <div style={{ flex: 1 }} />
        <button type="button" class="small" disabled={free.length < 2}
          onClick={() => onChange(addRule(group, kind, []))}>Add {singular}</button>
      </div>
      {group[kind].map((rule, r) => (
        <div class="rule" key={r} role="group" aria-label={`${singular} ${r + 1}`} data-testid={`${singular}-${r}`}>
          <span class="kind">{singular} {r + 1}</span>
          {rule.length === 0 ? <span class="muted">pick its dimensions →</span> : null}
          {rule.map((n, k) => (
            <Fragment key={n}>
              {k > 0 ? <span class="sep" aria-hidden="true">{ordered ? '→' : '+'}</span> : null}
              <span class="chip" aria-pressed="true" style={{ cursor: 'default' }}>
                {n}
                {ordered ? <>
                  <button type="button" class="ghost icon" aria-label={`Move ${n} coarser`} disabled={k === 0}
                    onClick={() => onChange(setRule(group, kind, r, move(rule, k, -1)))}>←</button>
                  <button type="button" class="ghost icon" aria-label={`Move ${n} finer`} disabled={k === rule.length - 1}
                    onClick={() => onChange(setRule(group, kind, r, move(rule, k, 1)))}>→</button>
                </> : null}
                <button type="button" class="ghost icon" aria-label={`Remove ${n} from ${singular} ${r + 1}`}
                  onClick={() => onChange(setRule(group, kind, r, rule.filter((_, j) => j !== k)))}>×</button>
              </span>
            </Fragment>
          ))}
          <select aria-label={`Add a dimension to ${singular} ${r + 1}`} value="" disabled={free.length === 0}
            onChange={(e) => {
              const v = (e.target as HTMLSelectElement).value;
              if (v) onChange(setRule(group, kind, r, [...rule, v]));
            }}>
            <option value="">{ordered ? (rule.length === 0 ? 'coarsest level…' : 'next finer level…') : 'add dimension…'}</option>
            {free.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
          <div style={{ flex: 1 }} />
          <button type="button" class="ghost small danger" onClick={() => onChange(removeRule(group, kind, r))}>Remove</button>
        </div>
      ))}
    </div>
  );
}
