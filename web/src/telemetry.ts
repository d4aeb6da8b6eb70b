/** Time ranges and rollups of the device page's telemetry charts, and the requests they make. */

export type RangePreset = '1h' | '24h' | '7d' | 'custom';
export const RANGE_PRESETS: RangePreset[] = ['1h', '24h', '7d', 'custom'];

/** Raw readings, or averages per minute, hour or day (the server answers the last two from its rollups). */
export type Rollup = 'raw' | '1m' | '1h' | '1d';
export const ROLLUPS: Rollup[] = ['raw', '1m', '1h', '1d'];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const STEP_MS: Record<Exclude<Rollup, 'raw'>, number> = { '1m': 60_000, '1h': HOUR, '1d': DAY };
const INTERVAL: Record<Exclude<Rollup, 'raw'>, string> = { '1m': 'PT1M', '1h': 'PT1H', '1d': 'P1D' };

/** The server's bounds: at most this many buckets per downsampled series, ranges up to this long. */
export const MAX_BUCKETS = 10_000;
export const MAX_RANGE_MS = 400 * DAY;
/** Raw readings asked for at most; the series says when more exist. */
export const RAW_LIMIT = 2000;

export interface TimeRange {
  from: number;
  to: number;
}

const PRESET_MS: Record<Exclude<RangePreset, 'custom'>, number> = { '1h': HOUR, '24h': DAY, '7d': 7 * DAY };

/** The range a preset covers, ending now. */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, now: number): TimeRange {
  return { from: now - PRESET_MS[preset], to: now };
}

/**
 * A custom range from two datetime-local inputs (local time), or the text key of what is wrong with it: an end
 * before the start, or a span beyond the server's limit.
 */
export function customRange(fromText: string, toText: string): TimeRange | { error: 'telemetry.rangeInvalid' | 'telemetry.rangeTooLong' } {
  const from = new Date(fromText).getTime();
  const to = new Date(toText).getTime();
  if (!fromText || !toText || Number.isNaN(from) || Number.isNaN(to) || from >= to) return { error: 'telemetry.rangeInvalid' };
  if (to - from > MAX_RANGE_MS) return { error: 'telemetry.rangeTooLong' };
  return { from, to };
}

/** The rollups a range allows: raw always, others while the range fills no more buckets than the server draws. */
export function rollupsFor(range: TimeRange): Rollup[] {
  const span = range.to - range.from;
  return ROLLUPS.filter((r) => r === 'raw' || (span >= STEP_MS[r] && span / STEP_MS[r] <= MAX_BUCKETS));
}

/**
 * The rollup a range starts with: raw readings for a few hours, minutes up to two days, hours up to three months,
 * days beyond; a few hundred to a few thousand points, which a chart draws at once.
 */
export function defaultRollup(range: TimeRange): Rollup {
  const span = range.to - range.from;
  if (span <= 2 * HOUR) return 'raw';
  if (span <= 2 * DAY) return '1m';
  if (span <= 90 * DAY) return '1h';
  return '1d';
}

/**
 * The rollup for a new range: the one the user picked if the range allows it (a 7-day range cannot be drawn per
 * minute), else the range's default; null when the user has not picked one.
 */
export function fitRollup(chosen: Rollup | null, range: TimeRange): Rollup {
  return chosen && rollupsFor(range).includes(chosen) ? chosen : defaultRollup(range);
}

/**
 * The range widened to whole buckets: the server answers from its rollups only when both ends fall on bucket
 * edges, and a bucket cut in two would average only part of its readings.
 */
export function alignRange(range: TimeRange, rollup: Rollup): TimeRange {
  if (rollup === 'raw') return { from: Math.floor(range.from / 1000) * 1000, to: Math.ceil(range.to / 1000) * 1000 };
  const step = STEP_MS[rollup];
  return { from: Math.floor(range.from / step) * step, to: Math.ceil(range.to / step) * step };
}

/** The series request for one property of one device over a range at a rollup (averages for downsampled ones). */
export function telemetryQuery(deviceId: string, property: string, range: TimeRange, rollup: Rollup): string {
  const aligned = alignRange(range, rollup);
  const params = new URLSearchParams({
    property,
    from: new Date(aligned.from).toISOString(),
    to: new Date(aligned.to).toISOString(),
  });
  if (rollup === 'raw') {
    params.set('limit', String(RAW_LIMIT));
  } else {
    params.set('aggregation', 'avg');
    params.set('interval', INTERVAL[rollup]);
  }
  return `/api/devices/${encodeURIComponent(deviceId)}/telemetry?${params}`;
}

/** A series as the server answers it. */
export interface Series {
  property: string;
  source: string;
  truncated: boolean;
  points: { at: string; value: number | null; text: string | null; count: number }[];
}

/** The numeric points of a series as [time, value] pairs for a time axis; text readings are left out. */
export function chartPoints(series: Pick<Series, 'points'>): [number, number][] {
  return series.points
    .filter((p) => typeof p.value === 'number' && Number.isFinite(p.value))
    .map((p) => [new Date(p.at).getTime(), p.value as number]);
}

/** Whether a property is drawn as a line: numbers and integers (switches and texts are shown in the latest table). */
export function chartable(property: { dataType: string }): boolean {
  return property.dataType === 'NUMBER' || property.dataType === 'INTEGER';
}

/** A local date-time as a datetime-local input wants it ("2026-11-24T20:30"). */
export function localInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
