import { describe, expect, it } from 'vitest';
import type { RateRow } from '../cockpit';
import { beijingDay, daysBetween, hourlySeries, leagueRows, trendSeries } from '../cockpitCharts';

describe('case trend', () => {
  it('fills the days the server left out with 0, in order, across a month end', () => {
    const s = trendSeries([{ day: '2026-11-01', received: 5, closed: 2 }, { day: '2026-10-30', received: 1, closed: 0 }], '2026-10-30', '2026-11-02');
    expect(s.days).toEqual(['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02']);
    expect(s.received).toEqual([1, 0, 5, 0]);
    expect(s.closed).toEqual([0, 0, 2, 0]);
  });

  it('has 30 days for the last 30 and none for a reversed range', () => {
    expect(daysBetween('2026-10-26', '2026-11-24')).toHaveLength(30);
    expect(daysBetween('2026-11-24', '2026-11-23')).toEqual([]);
  });

  it('counts days in Beijing: 20:00 UTC is already the next day there', () => {
    const at = Date.parse('2026-11-24T20:00:00Z');
    expect(beijingDay(at)).toBe('2026-11-25');
    expect(beijingDay(at, -29)).toBe('2026-10-27');
  });
});

function unit(key: string | null, composite: number | null, dispatched: number, label = key): RateRow {
  return {
    key, label, dispatched, followedUp: 0, solved: 0, rated: 0,
    responseRate: null, resolutionRate: null, satisfactionRate: null, composite,
  };
}

describe('unit league table', () => {
  it('ranks by composite, then by more cases, then by name; units without a composite last', () => {
    const rows = leagueRows([
      unit('dept:B', 0.8, 3, '城管委'),
      unit('dept:C', null, 50, '水务局'),
      unit('dept:A', 0.9, 1, '交通局'),
      unit('dept:D', 0.8, 9, '住建委'),
      unit(null, 0.99, 4),
    ]);
    expect(rows.map((r) => r.key)).toEqual(['dept:A', 'dept:D', 'dept:B', 'dept:C']);
  });

  it('keeps the top ten', () => {
    const many = Array.from({ length: 14 }, (_, i) => unit(`dept:${i}`, i / 20, 1));
    expect(leagueRows(many)).toHaveLength(10);
    expect(leagueRows(many)[0].key).toBe('dept:13');
  });
});

describe('air quality hours', () => {
  it('has 24 whole hours up to now, a silent hour as a gap (null), not a 0', () => {
    const now = Date.parse('2026-11-24T10:35:00Z');
    const s = hourlySeries([[Date.parse('2026-11-24T10:00:00Z'), 35], [Date.parse('2026-11-24T08:00:00Z'), 40]], now);
    expect(s.hours).toHaveLength(24);
    expect(new Date(s.hours[23]).toISOString()).toBe('2026-11-24T10:00:00.000Z');
    expect(new Date(s.hours[0]).toISOString()).toBe('2026-11-23T11:00:00.000Z');
    expect(s.values.slice(21)).toEqual([40, null, 35]);
  });
});
