import { describe, expect, it, vi } from 'vitest';
import { toCsv } from '../../main/ui/lib/csv';
import { defaultAxes, niceTicks, pieSlices, shortNumber } from '../../main/ui/lib/chart';
import { eta, formatBytes, formatCount, formatDuration } from '../../main/ui/lib/format';
import { debounce } from '../../main/ui/lib/debounce';

describe('csv', () => {
  it('quotes what needs quoting and writes NULL as an empty field', () => {
    expect(toCsv(['a', 'b,c'], [[1, 'x "y"'], [null, 'line\nbreak']]))
      .toBe('a,"b,c"\r\n1,"x ""y"""\r\n,"line\nbreak"\r\n');
  });
});

describe('chart', () => {
  it('takes the first text column as x and the numeric ones as y', () => {
    expect(defaultAxes([{ name: 'n', type: 'BIGINT' }, { name: 'region', type: 'VARCHAR' },
      { name: 's', type: 'DECIMAL(10,2)' }])).toEqual({ x: 1, ys: [0, 2] });
    expect(defaultAxes([{ name: 'd', type: 'INTEGER' }, { name: 's', type: 'BIGINT' }])).toEqual({ x: 0, ys: [1] });
  });

  it('ticks at 1/2/5 steps from zero past the maximum', () => {
    expect(niceTicks(0, 87)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(-3, 4)).toEqual([-4, -2, 0, 2, 4]);
    expect(niceTicks(0, 0).length).toBeGreaterThan(1);
  });

  it('keeps the largest pie slices and sums the rest', () => {
    const s = pieSlices(['a', 'b', 'c', 'd', 'e'], [5, 1, 3, null, 0.5], 3);
    expect(s).toEqual([{ label: 'a', value: 5 }, { label: 'c', value: 3 }, { label: 'other (2)', value: 1.5 }]);
  });

  it('shortens axis numbers', () => {
    expect(shortNumber(1234)).toBe('1,234');
    expect(shortNumber(45600)).toBe('45.6k');
    expect(shortNumber(2_500_000)).toBe('2.5M');
  });
});

describe('format', () => {
  it('formats counts, sizes and durations', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount('123456789012345678901')).toBe('123,456,789,012,345,678,901');
    expect(formatBytes(1536)).toBe('1.50 KB');
    expect(formatBytes(5.77 * 1024 ** 3)).toBe('5.77 GB');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_300)).toBe('12 s');
    expect(formatDuration(245_000)).toBe('4 min 05 s');
  });

  it('estimates the time left from progress', () => {
    expect(eta(10_000, 0.25)).toBe(30_000);
    expect(eta(10_000, 0)).toBeUndefined();
    expect(eta(500, 0.5)).toBeUndefined();
  });
});

describe('debounce', () => {
  it('runs the last call of a burst once', () => {
    vi.useFakeTimers();
    const calls: number[] = [];
    const d = debounce((n: number) => calls.push(n), 300);
    d(1); d(2);
    vi.advanceTimersByTime(299);
    d(3);
    vi.advanceTimersByTime(300);
    expect(calls).toEqual([3]);
    d(4); d.cancel();
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual([3]);
    vi.useRealTimers();
  });
});

import { layoutDag } from '../../main/ui/lib/dag';

describe('step graph layout', () => {
  it('puts each step one column after its latest dependency', () => {
    const { placed, columns, rows } = layoutDag([
      { name: 'read', dependsOn: [] },
      { name: 'dict', dependsOn: ['read'] },
      { name: 'stats', dependsOn: ['read'] },
      { name: 'cuboids', dependsOn: ['dict', 'stats'] },
      { name: 'load', dependsOn: ['cuboids', 'gone'] },
    ]);
    expect(placed).toEqual([
      { name: 'read', column: 0, row: 0 }, { name: 'dict', column: 1, row: 0 }, { name: 'stats', column: 1, row: 1 },
      { name: 'cuboids', column: 2, row: 0 }, { name: 'load', column: 3, row: 0 },
    ]);
    expect(columns).toBe(4);
    expect(rows).toBe(2);
  });

  it('survives a cycle', () => {
    const { placed } = layoutDag([{ name: 'a', dependsOn: ['b'] }, { name: 'b', dependsOn: ['a'] }]);
    expect(placed.map((p) => p.name)).toEqual(['a', 'b']);
  });
});

import { parseColumns } from '../../main/ui/lib/columns';

describe('csv column list', () => {
  it('reads one "name TYPE [NOT NULL]" per line', () => {
    expect(parseColumns('event_date date not null\nprice DECIMAL(10,  2),\n\n-- a comment\nname varchar'))
      .toEqual({ columns: [
        { name: 'event_date', type: 'DATE', nullable: false },
        { name: 'price', type: 'DECIMAL(10, 2)', nullable: true },
        { name: 'name', type: 'VARCHAR', nullable: true },
      ], errors: [] });
  });

  it('names the line it cannot read', () => {
    expect(parseColumns('ok INT\n9bad INT').errors).toEqual([`line 2: '9bad INT' is not "name TYPE [NOT NULL]"`]);
    expect(parseColumns('  ').errors).toEqual(['list at least one column']);
  });
});

import { exactInteger, parseJson } from '../../main/ui/lib/http';

describe('json', () => {
  it('parses as JSON.parse does for ordinary numbers', () => {
    expect(parseJson('{"a": 1, "b": [2.5, -3], "c": "x"}')).toEqual({ a: 1, b: [2.5, -3], c: 'x' });
  });
  it('keeps integers past 2^53 as their exact text', () => {
    expect(exactInteger(2268752737836985276, '2268752737836985276')).toBe('2268752737836985276');
    expect(exactInteger(-9007199254740993, '-9007199254740993')).toBe('-9007199254740993');
    expect(exactInteger(9007199254740991, '9007199254740991')).toBe(9007199254740991);
    expect(exactInteger(1e300, '1e300')).toBe(1e300);
    expect(exactInteger(2268752737836985276, undefined)).toBe(2268752737836985276);
  });
});
