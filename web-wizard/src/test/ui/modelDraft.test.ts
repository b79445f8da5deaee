import { describe, expect, it } from 'vitest';
import { emptyModel, fromModelJson, joinSources, modelColumns, needsDateFormat, newLookup, toModelJson }
  from '../../main/ui/lib/modelDraft';
import type { ModelJson, TableJson } from '../../main/ui/lib/descriptors';

const table = (name: string, cols: string[]): TableJson => ({ kind: 'table', schemaVersion: 1, name, location: '',
  format: 'avro', columns: cols.map((c) => ({ name: c, type: c.endsWith('_id') ? 'INT' : 'VARCHAR' })) });
const tables = [table('ad_event', ['event_date', 'advertiser_id', 'campaign_id', 'clicks']),
  table('advertiser', ['name', 'advertiser_id', 'vertical']), table('campaign', ['campaign_id', 'advertiser_id'])];

describe('model draft', () => {
  it('writes composite keys as parallel foreignKey/primaryKey lists', () => {
    const m = { ...emptyModel(), name: 'ads', factTable: 'ad_event', partitionColumn: 'event_date',
      lookups: [{ table: 'campaign', alias: 'campaign', joinType: 'INNER' as const, joinFrom: '',
        keys: [{ fk: 'campaign_id', pk: 'campaign_id' }, { fk: 'advertiser_id', pk: 'advertiser_id' }] }] };
    expect(toModelJson(m)).toEqual({ kind: 'model', schemaVersion: 1, name: 'ads', factTable: 'ad_event',
      lookups: [{ table: 'campaign', alias: 'campaign', joinType: 'INNER', joinFrom: 'ad_event',
        foreignKey: ['campaign_id', 'advertiser_id'], primaryKey: ['campaign_id', 'advertiser_id'] }],
      partition: { column: 'event_date' } });
  });

  it('reads back what it writes', () => {
    const json: ModelJson = { kind: 'model', schemaVersion: 1, name: 'ssb', factTable: 'lineorder',
      lookups: [{ table: 'dates', alias: 'd', joinType: 'LEFT', joinFrom: 'lineorder', foreignKey: ['lo_orderdate'],
        primaryKey: ['d_datekey'] }],
      partition: { column: 'lo_orderdate', dateFormat: 'yyyyMMdd' }, filter: 'lo_quantity > 0',
      computedColumns: [{ name: 'revenue', expression: 'lo_extendedprice * lo_discount', type: 'BIGINT' }] };
    expect(toModelJson(fromModelJson(json))).toEqual(json);
  });

  it('guesses a new lookup key from a shared *_id column', () => {
    const m = { ...emptyModel(), factTable: 'ad_event' };
    const l = newLookup(m, tables, 'advertiser');
    expect(l).toEqual({ table: 'advertiser', alias: 'advertiser', joinType: 'LEFT', joinFrom: 'ad_event',
      keys: [{ fk: 'advertiser_id', pk: 'advertiser_id' }] });
    const twice = newLookup({ ...m, lookups: [l] }, tables, 'advertiser');
    expect(twice.alias).toBe('advertiser_2');
  });

  it('a lookup joins from the fact table or an earlier lookup', () => {
    const m = { ...emptyModel(), factTable: 'ad_event', lookups: [newLookup({ ...emptyModel(), factTable: 'ad_event' },
      tables, 'campaign'), newLookup({ ...emptyModel(), factTable: 'ad_event' }, tables, 'advertiser')] };
    expect(joinSources(m, 0)).toEqual(['ad_event']);
    expect(joinSources(m, 1)).toEqual(['ad_event', 'campaign']);
  });

  it('knows which partition types need a date format', () => {
    expect(needsDateFormat('DATE')).toBe(false);
    expect(needsDateFormat('TIMESTAMP(3)')).toBe(false);
    expect(needsDateFormat('INT')).toBe(true);
    expect(needsDateFormat('VARCHAR')).toBe(true);
  });

  it('lists the columns of every table of the model by alias', () => {
    const model: ModelJson = { kind: 'model', schemaVersion: 1, name: 'ads', factTable: 'ad_event',
      lookups: [{ table: 'advertiser', alias: 'adv', joinType: 'LEFT', foreignKey: ['advertiser_id'],
        primaryKey: ['advertiser_id'] }] };
    const cols = modelColumns(model, tables);
    expect(cols.filter((c) => c.fact).map((c) => c.column)).toEqual(['event_date', 'advertiser_id', 'campaign_id', 'clicks']);
    expect(cols.filter((c) => !c.fact).map((c) => `${c.alias}.${c.column}`))
      .toEqual(['adv.name', 'adv.advertiser_id', 'adv.vertical']);
  });
});
