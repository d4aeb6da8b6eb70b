import { request } from './api';
import type { RateRow } from './cockpit';
import type { Device } from './devices';
import { chartPoints, telemetryQuery, type Series } from './telemetry';

/** One day of GET /api/casework/cases/daily. */
export interface CaseDay {
  day: string;
  received: number;
  closed: number;
}

/** ISO days from {@code from} to {@code to}, both included ("2026-11-01"). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= end && days.length < 400; d += 86_400_000) {
    days.push(new Date(d).toISOString().slice(0, 10));
  }
  return days;
}

/** Every day of the range in order, a day the server left out counted as 0 (a gap is a quiet day, not a missing one). */
export function trendSeries(rows: readonly CaseDay[], from: string, to: string): { days: string[]; received: number[]; closed: number[] } {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const days = daysBetween(from, to);
  return {
    days,
    received: days.map((d) => byDay.get(d)?.received ?? 0),
    closed: days.map((d) => byDay.get(d)?.closed ?? 0),
  };
}

/**
 * The league table's rows best first: by the server's composite 三率 (units without one last), then more cases,
 * then name; only units (a row without a key is the cases nobody answers for), at most {@code top}.
 */
export function leagueRows(rows: readonly RateRow[], top = 10): RateRow[] {
  return rows
    .filter((r) => r.key != null)
    .sort(
      (a, b) =>
        (b.composite ?? -1) - (a.composite ?? -1) ||
        b.dispatched - a.dispatched ||
        (a.label ?? a.key ?? '').localeCompare(b.label ?? b.key ?? ''),
    )
    .slice(0, top);
}

const HOUR = 3_600_000;

/** The {@code hours} whole hours up to {@code now} and each one's value, null where the station sent nothing. */
export function hourlySeries(points: readonly [number, number][], now: number, hours = 24): { hours: number[]; values: (number | null)[] } {
  const last = Math.floor(now / HOUR) * HOUR;
  const slots = Array.from({ length: hours }, (_, i) => last - (hours - 1 - i) * HOUR);
  const byHour = new Map(points.map(([at, v]) => [Math.floor(at / HOUR) * HOUR, v]));
  return { hours: slots, values: slots.map((h) => byHour.get(h) ?? null) };
}

/** A Beijing day as "YYYY-MM-DD", {@code offset} days from today. */
export function beijingDay(now: number, offset = 0): string {
  return new Date(now + 8 * HOUR + offset * 86_400_000).toISOString().slice(0, 10);
}

export async function loadTrend(now = Date.now()): Promise<ReturnType<typeof trendSeries>> {
  const from = beijingDay(now, -29);
  const to = beijingDay(now);
  return trendSeries(await request<CaseDay[]>(`/api/casework/cases/daily?from=${from}&to=${to}`), from, to);
}

export async function loadLeague(): Promise<RateRow[]> {
  return leagueRows(await request<RateRow[]>('/api/casework/rates?by=UNIT'));
}

export interface StationSeries {
  name: string;
  values: (number | null)[];
}

/** PM2.5 hourly averages (the server's hourly rollups) of up to {@code stations} air-quality stations. */
export async function loadAirQuality(now = Date.now(), stations = 6): Promise<{ hours: number[]; stations: StationSeries[] }> {
  const page = await request<{ items: Device[] }>(`/api/devices?type=air-quality-station&limit=${stations}`);
  const range = { from: now - 24 * HOUR, to: now };
  const series = await Promise.all(
    page.items.map(async (d) => {
      const s = await request<Series>(telemetryQuery(d.id, 'pm25', range, '1h')).catch(() => null);
      return { name: d.name, points: s ? chartPoints(s) : [] };
    }),
  );
  const hours = hourlySeries([], now).hours;
  return {
    hours,
    stations: series.filter((s) => s.points.length > 0).map((s) => ({ name: s.name, values: hourlySeries(s.points, now).values })),
  };
}
