import { request } from './api';

/** One line of /api/casework/rates: the counts behind the three rates and the rates themselves. */
export interface RateRow {
  key: string | null;
  label: string | null;
  dispatched: number;
  followedUp: number;
  solved: number;
  rated: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  /** The weighted 三率 the server ranks by (RateFormula), and the rank it gave; absent in older answers. */
  composite?: number | null;
  rank?: number | null;
}

export interface Kpis {
  devicesOnline: number;
  devicesTotal: number;
  alarmsToday: Record<string, number>;
  openCases: number;
  overdueCases: number;
  rates: { response: number | null; resolution: number | null; satisfaction: number | null };
  categories: RateRow[];
}

export const SEVERITIES = ['RED', 'ORANGE', 'YELLOW', 'BLUE'] as const;
const OPEN_STATUSES = 'RECEIVED,DISPATCHED,SIGNED,IN_PROGRESS,REPLIED,VERIFIED,SUSPENDED';

/**
 * The district's rates from the per-town table: each row's rate weighted by its own denominator is the rate of the
 * summed counts, so the server's formula (including its 基本满意 weight) is kept without repeating it here.
 */
export function districtRates(rows: readonly RateRow[]): Kpis['rates'] {
  const mean = (rate: (r: RateRow) => number | null, weight: (r: RateRow) => number): number | null => {
    let sum = 0;
    let weights = 0;
    for (const row of rows) {
      const value = rate(row);
      if (value != null && weight(row) > 0) {
        sum += value * weight(row);
        weights += weight(row);
      }
    }
    return weights > 0 ? sum / weights : null;
  };
  return {
    response: mean((r) => r.responseRate, (r) => r.dispatched),
    resolution: mean((r) => r.resolutionRate, (r) => r.followedUp),
    satisfaction: mean((r) => r.satisfactionRate, (r) => r.rated),
  };
}

interface HealthCount {
  total: number;
  online: number;
}
interface Page {
  total: number;
}

export async function loadKpis(): Promise<Kpis> {
  const [health, inventory, alarms, open, overdue, towns, categories] = await Promise.all([
    request<HealthCount[]>('/api/iot/connectivity'),
    request<{ state: string; count: number }[]>('/api/inventory?level=DISTRICT'),
    request<{ raisedToday: Record<string, number> }>('/api/alerting/alarms/summary'),
    request<Page>(`/api/casework/cases?status=${OPEN_STATUSES}&limit=1`),
    request<Page>('/api/casework/overdue?limit=1'),
    request<RateRow[]>('/api/casework/rates?by=TOWN'),
    request<RateRow[]>('/api/casework/rates?by=CATEGORY'),
  ]);
  return {
    devicesOnline: health.reduce((n, h) => n + h.online, 0),
    // Connectivity counts installed devices only; the registry's total includes those still being rolled out.
    devicesTotal: inventory.filter((r) => r.state !== 'RETIRED').reduce((n, r) => n + r.count, 0),
    alarmsToday: Object.fromEntries(SEVERITIES.map((s) => [s, alarms.raisedToday?.[s] ?? 0])),
    openCases: open.total,
    overdueCases: overdue.total,
    rates: districtRates(towns),
    categories: [...categories].sort((a, b) => b.dispatched - a.dispatched).slice(0, 8),
  };
}
