import { describe, expect, it } from 'vitest';
import {
  addDimension, addRule, emptyCube, freeForRule, freshDimensionName, fromCubeJson, move, removeDimension,
  renameDimension, roleOf, setDerived, setGroup, suggestMeasureName, syncRowKey, toCubeJson, toggleInclude,
  toggleMandatory, groupOfAll,
} from '../../main/ui/lib/cubeDraft';
import type { CubeDraft } from '../../main/ui/lib/cubeDraft';
import type { CubeJson } from '../../main/ui/lib/descriptors';

function adsDraft(): CubeDraft {
  let c = { ...emptyCube('ads'), name: 'ad_events' };
  for (const col of ['event_date', 'advertiser_id', 'campaign_id', 'region', 'city']) {
    c = addDimension(c, { name: col, table: 'ad_event', column: col, derived: false, encoding: '' });
  }
  c = addDimension(c, { name: 'vertical', table: 'advertiser', column: 'vertical', derived: true, encoding: '' });
  return c;
}

describe('cube draft', () => {
  it('appends stored dimensions to the row key and leaves derived ones out', () => {
    const c = adsDraft();
    expect(c.rowKey).toEqual(['event_date', 'advertiser_id', 'campaign_id', 'region', 'city']);
  });

  it('writes the JSON the API takes, leaving out defaults', () => {
    let c = adsDraft();
    c = { ...c, groups: [groupOfAll(c)] };
    let g = c.groups[0];
    g = toggleMandatory(g, 'event_date');
    g = addRule(g, 'hierarchies', ['advertiser_id', 'campaign_id']);
    g = addRule(g, 'joints', ['region', 'city']);
    g = { ...g, dimCap: 2 };
    c = setGroup(c, 0, g);
    c = { ...c, measures: [...c.measures, { name: 'revenue', fn: 'SUM', argument: ' price * qty ', returnType: '' }] };
    c = { ...c, dimensions: c.dimensions.map((d) => (d.name === 'event_date' ? { ...d, encoding: 'date' } : d)) };
    const json = toCubeJson(c);
    expect(json).toEqual({
      kind: 'cube', schemaVersion: 1, name: 'ad_events', model: 'ads',
      dimensions: [
        { name: 'event_date', table: 'ad_event', column: 'event_date', encoding: 'date' },
        { name: 'advertiser_id', table: 'ad_event', column: 'advertiser_id' },
        { name: 'campaign_id', table: 'ad_event', column: 'campaign_id' },
        { name: 'region', table: 'ad_event', column: 'region' },
        { name: 'city', table: 'ad_event', column: 'city' },
        { name: 'vertical', table: 'advertiser', column: 'vertical', derived: true },
      ],
      measures: [
        { name: '_count', function: 'COUNT', returnType: 'BIGINT' },
        { name: 'revenue', function: 'SUM', argument: 'price * qty' },
      ],
      aggregationGroups: [{
        includes: ['event_date', 'advertiser_id', 'campaign_id', 'region', 'city'],
        mandatory: ['event_date'],
        hierarchies: [['advertiser_id', 'campaign_id']],
        joints: [['region', 'city']],
        dimCap: 2,
      }],
      rowKey: ['event_date', 'advertiser_id', 'campaign_id', 'region', 'city'],
    });
  });

  it('reads back what it writes', () => {
    const json: CubeJson = {
      kind: 'cube', schemaVersion: 1, name: 'c', model: 'm',
      dimensions: [{ name: 'a', table: 't', column: 'a', encoding: 'integer:4' },
        { name: 'b', table: 'l', column: 'b', derived: true }],
      measures: [{ name: 'n', function: 'COUNT' }, { name: 'u', function: 'COUNT_DISTINCT', argument: 'user_id' }],
      aggregationGroups: [{ includes: ['a'], dimCap: 1 }],
      mandatoryCuboids: [['a']],
      rowKey: ['a'],
      shardBy: 'a',
    };
    expect(toCubeJson(fromCubeJson(json))).toEqual(json);
  });

  it('removing a dimension removes every reference to it', () => {
    let c = adsDraft();
    let g = toggleMandatory(groupOfAll(c), 'event_date');
    g = addRule(g, 'hierarchies', ['region', 'city']);
    c = { ...setGroup({ ...c, groups: [g] }, 0, g), shardBy: 'city' };
    c = removeDimension(c, 'CITY');
    expect(c.dimensions.map((d) => d.name)).not.toContain('city');
    expect(c.rowKey).not.toContain('city');
    expect(c.groups[0].includes).not.toContain('city');
    expect(c.groups[0].hierarchies).toEqual([['region']]);
    expect(c.shardBy).toBe('');
  });

  it('renaming a dimension renames every reference', () => {
    let c = adsDraft();
    c = { ...c, groups: [addRule(groupOfAll(c), 'hierarchies', ['region', 'city'])], shardBy: 'region' };
    c = renameDimension(c, 'region', 'province');
    expect(c.rowKey).toContain('province');
    expect(c.groups[0].includes).toContain('province');
    expect(c.groups[0].hierarchies[0]).toEqual(['province', 'city']);
    expect(c.shardBy).toBe('province');
  });

  it('a derived dimension leaves the row key and the groups; made normal again it is appended', () => {
    let c = adsDraft();
    c = { ...c, groups: [groupOfAll(c)] };
    c = setDerived(c, 'campaign_id', true);
    expect(c.rowKey).toEqual(['event_date', 'advertiser_id', 'region', 'city']);
    expect(c.groups[0].includes).not.toContain('campaign_id');
    c = setDerived(c, 'campaign_id', false);
    expect(c.rowKey).toEqual(['event_date', 'advertiser_id', 'region', 'city', 'campaign_id']);
  });

  it('syncRowKey keeps the order the user chose', () => {
    const c = { ...adsDraft(), rowKey: ['city', 'region', 'gone'] };
    expect(syncRowKey(c).rowKey).toEqual(['city', 'region', 'event_date', 'advertiser_id', 'campaign_id']);
  });

  it('excluding a dimension from a group takes it out of the group rules', () => {
    let g = groupOfAll(adsDraft());
    g = toggleMandatory(g, 'event_date');
    g = addRule(g, 'joints', ['region', 'city']);
    expect(roleOf(g, 'REGION')).toEqual({ kind: 'joint', index: 0 });
    expect(freeForRule(g)).toEqual(['advertiser_id', 'campaign_id']);
    g = toggleInclude(g, 'region');
    expect(g.joints).toEqual([['city']]);
    g = toggleInclude(g, 'event_date');
    expect(g.mandatory).toEqual([]);
    expect(toggleInclude(g, 'region').includes).toContain('region');
  });

  it('names new dimensions and measures without clashes', () => {
    const c = adsDraft();
    expect(freshDimensionName(c, 'advertiser', 'region')).toBe('advertiser_region');
    expect(freshDimensionName(c, 'advertiser', 'name')).toBe('name');
    expect(suggestMeasureName('SUM', 'price * qty')).toBe('sum_price_qty');
    expect(suggestMeasureName('COUNT_DISTINCT', 'user_id')).toBe('distinct_user_id');
  });

  it('moves list items, clamped at the ends', () => {
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 2, 5)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, -2)).toEqual(['c', 'a', 'b']);
  });
});

describe('rules being edited', () => {
  it('a hierarchy or joint with no dimension picked yet is left out of the JSON', () => {
    let c = adsDraft();
    c = { ...c, groups: [addRule(addRule(groupOfAll(c), 'hierarchies', []), 'joints', ['region', 'city'])] };
    const g = toCubeJson(c).aggregationGroups![0];
    expect(g.hierarchies).toBeUndefined();
    expect(g.joints).toEqual([['region', 'city']]);
  });
});
