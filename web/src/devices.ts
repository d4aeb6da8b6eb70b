import type { FeatureCollection } from './geo';

/** A device as /api/devices answers it; the maintainer's contact and phone arrive masked. */
export interface Device {
  id: string;
  type: string;
  name: string;
  vendor: string | null;
  serial: string | null;
  lon: number;
  lat: number;
  address: string | null;
  division: string;
  department: string;
  maintainer: { organisation: string | null; contact: string | null; phone: string | null } | null;
  installedOn: string | null;
  state: DeviceState;
  tags: string[];
  parent: string | null;
  sharedWith: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type DeviceState = 'PLANNED' | 'INSTALLED' | 'ACTIVE' | 'FAULTY' | 'RETIRED';
export const DEVICE_STATES: DeviceState[] = ['PLANNED', 'INSTALLED', 'ACTIVE', 'FAULTY', 'RETIRED'];

/** A device type of the catalogue, as much of it as the pages read. */
export interface DeviceType {
  code: string;
  nameZh: string;
  nameEn: string;
  gateway: boolean;
  properties: { name: string; unit: string; dataType: string }[];
  commands: { name: string; parameters: { name: string; dataType: string; min: number | null; max: number | null; values: string[]; required: boolean }[] }[];
}

/** The registry's filters; empty text means "any". */
export interface DeviceFilters {
  type: string;
  division: string;
  state: string;
  department: string;
  q: string;
}

/** What the registry keeps across a visit to a device's page: filters, page and view. */
export interface KeptRegistry {
  filters: DeviceFilters;
  offset: number;
  view: 'list' | 'map';
}

/**
 * The registry's kept state read back from session storage; anything unreadable (hand-edited, an older shape,
 * storage disabled) gives the defaults rather than breaking the page.
 */
export function readKept(storage: Pick<Storage, 'getItem'>, key: string): KeptRegistry {
  const kept: KeptRegistry = { filters: noFilters(), offset: 0, view: 'list' };
  try {
    const raw: unknown = JSON.parse(storage.getItem(key) ?? '{}');
    if (!raw || typeof raw !== 'object') return kept;
    const r = raw as { filters?: unknown; offset?: unknown; view?: unknown };
    if (r.filters && typeof r.filters === 'object') {
      for (const k of Object.keys(kept.filters) as (keyof DeviceFilters)[]) {
        const v = (r.filters as Record<string, unknown>)[k];
        if (typeof v === 'string') kept.filters[k] = v;
      }
    }
    if (typeof r.offset === 'number' && Number.isInteger(r.offset) && r.offset >= 0) kept.offset = r.offset;
    if (r.view === 'map') kept.view = 'map';
  } catch {
    // Defaults.
  }
  return kept;
}

export const PAGE_SIZE = 20;
/** The server's largest page: the map shows at most this many of the filtered devices. */
export const MAP_LIMIT = 1000;

export function noFilters(): DeviceFilters {
  return { type: '', division: '', state: '', department: '', q: '' };
}

/** The list request for these filters and this slice; blank filters are left out, text is trimmed. */
export function deviceQuery(filters: DeviceFilters, offset = 0, limit = PAGE_SIZE): string {
  const params = new URLSearchParams();
  for (const key of ['type', 'division', 'state', 'department', 'q'] as const) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  params.set('offset', String(Math.max(0, offset)));
  params.set('limit', String(limit));
  return `/api/devices?${params}`;
}

/** How many pages a list of {@code total} rows fills (at least one, so "1 / 1" shows for an empty list). */
export function pageCount(total: number, limit = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / limit));
}

/**
 * Where focus goes in a list of {@code count} rows when a key is pressed on row {@code current}: arrows move by
 * one, Home and End jump; null for keys the list leaves alone (Tab still walks the links).
 */
export function nextRow(current: number, key: string, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown': return Math.min(count - 1, current + 1);
    case 'ArrowUp': return Math.max(0, current - 1);
    case 'Home': return 0;
    case 'End': return count - 1;
    default: return null;
  }
}

/** The type's name in the page's language, or its code when the catalogue does not know it. */
export function typeName(types: readonly DeviceType[], code: string, locale: string): string {
  const type = types.find((t) => t.code === code);
  if (!type) return code;
  return locale === 'zh-CN' ? type.nameZh : type.nameEn || type.nameZh;
}

/** Devices as GeoJSON points for a clustered map source; each point knows its id, for the click to its page. */
export function devicePoints(devices: readonly Pick<Device, 'id' | 'name' | 'lon' | 'lat' | 'state'>[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: devices
      .filter((d) => Number.isFinite(d.lon) && Number.isFinite(d.lat))
      .map((d) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point', coordinates: [d.lon, d.lat] },
        properties: { id: d.id, name: d.name, state: d.state },
      })),
  };
}

/** One row of /api/inventory: how many devices of a type, department, division and state. */
export interface InventoryRow {
  typeCode: string;
  department: string;
  division: string;
  state: string;
  count: number;
}

/** Counts by type × division: the inventory table and its chart. */
export interface InventoryMatrix {
  types: string[];
  divisions: string[];
  cells: Record<string, Record<string, number>>;
  typeTotals: Record<string, number>;
  divisionTotals: Record<string, number>;
  total: number;
}

/**
 * The inventory's rows folded into type × division counts (departments and, unless asked for, states summed;
 * retired devices left out unless their state is the filter). Types are ordered by total, largest first, so the
 * chart reads top-down; divisions by code, as the district lists its towns.
 */
export function inventoryMatrix(rows: readonly InventoryRow[], includeRetired = false): InventoryMatrix {
  const cells: Record<string, Record<string, number>> = {};
  const typeTotals: Record<string, number> = {};
  const divisionTotals: Record<string, number> = {};
  let total = 0;
  for (const row of rows) {
    if (row.state === 'RETIRED' && !includeRetired) continue;
    const byDivision = (cells[row.typeCode] ??= {});
    byDivision[row.division] = (byDivision[row.division] ?? 0) + row.count;
    typeTotals[row.typeCode] = (typeTotals[row.typeCode] ?? 0) + row.count;
    divisionTotals[row.division] = (divisionTotals[row.division] ?? 0) + row.count;
    total += row.count;
  }
  const types = Object.keys(typeTotals).sort((a, b) => typeTotals[b] - typeTotals[a] || a.localeCompare(b));
  const divisions = Object.keys(divisionTotals).sort();
  return { types, divisions, cells, typeTotals, divisionTotals, total };
}

/** The inventory request: counts per town, narrowed like the registry (text filters do not apply to counts). */
export function inventoryQuery(filters: Pick<DeviceFilters, 'type' | 'division' | 'state' | 'department'>): string {
  const params = new URLSearchParams({ level: 'TOWN' });
  for (const key of ['type', 'division', 'state', 'department'] as const) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  return `/api/inventory?${params}`;
}
