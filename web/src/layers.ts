import type { Alarm, Severity } from './alarms';
import type { Feature, FeatureCollection } from './geo';
import type { Poi } from './maptools';

/**
 * The cockpit's switchable layers. Thematic layers of the catalogue join them as `theme:<id>`; what is on is kept
 * per browser in localStorage, so a big screen comes back as it was left.
 */
export const BASE_LAYERS = ['divisions', 'grids', 'roads', 'devices', 'alarms', 'casesHeat', 'casesPoints', 'pois'] as const;
export type BaseLayer = (typeof BASE_LAYERS)[number];

/** On at first: enough to read the city, cheap enough that the map settles fast (the performance test's set). */
export const DEFAULT_LAYERS: readonly string[] = ['divisions', 'devices', 'alarms', 'casesHeat'];

export const STORAGE_KEY = 'cityos.cockpit.layers';
/** POIs are many and small: drawn only when the view is a few streets wide. */
export const POI_MIN_ZOOM = 13;
/** Grid cells are drawn from this zoom on; above the district's communities only. */
export const GRID_MIN_ZOOM = 13;
export const THEME_PREFIX = 'theme:';

export type LayerState = Record<string, boolean>;

/** The stored choice over the defaults; anything unreadable in storage is ignored rather than breaking the page. */
export function loadLayerState(storage: Pick<Storage, 'getItem'>): LayerState {
  const state: LayerState = Object.fromEntries(BASE_LAYERS.map((id) => [id, DEFAULT_LAYERS.includes(id)]));
  try {
    const stored: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}');
    if (stored && typeof stored === 'object' && !Array.isArray(stored)) {
      for (const [id, on] of Object.entries(stored)) {
        if (typeof on === 'boolean' && ((BASE_LAYERS as readonly string[]).includes(id) || id.startsWith(THEME_PREFIX))) {
          state[id] = on;
        }
      }
    }
  } catch {
    // A hand-edited or older value: start from the defaults.
  }
  return state;
}

/** A new state with one layer switched, written back to storage. */
export function switchLayer(state: LayerState, id: string, on: boolean, storage: Pick<Storage, 'setItem'>): LayerState {
  const next = { ...state, [id]: on };
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // A full or disabled storage only costs remembering the choice.
  }
  return next;
}

export const SEVERITY_COLOURS: Record<Severity, string> = {
  RED: '#ff4d4f',
  ORANGE: '#ff9f1a',
  YELLOW: '#ffe14d',
  BLUE: '#3d9bff',
};
const SEVERITY_ORDER: Severity[] = ['BLUE', 'YELLOW', 'ORANGE', 'RED'];

/**
 * Alarms with a place as points coloured 红/橙/黄/蓝; red drawn last, so on top. The cockpit draws the open ones
 * only; the alarm console draws whatever its list shows ({@code openOnly: false}), cleared and resolved ones marked.
 */
export function alarmFeatures(
  alarms: readonly Pick<Alarm, 'facts' | 'status'>[],
  options: { openOnly?: boolean } = {},
): FeatureCollection {
  const open = (a: Pick<Alarm, 'status'>) => a.status === 'RAISED' || a.status === 'ACKNOWLEDGED';
  const features: Feature[] = alarms
    .filter((a) => a.facts.location && (options.openOnly === false || open(a)))
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.facts.severity) - SEVERITY_ORDER.indexOf(b.facts.severity))
    .map((a) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [a.facts.location!.lon, a.facts.location!.lat] },
      properties: {
        id: a.facts.alarmId,
        severity: a.facts.severity,
        colour: SEVERITY_COLOURS[a.facts.severity] ?? SEVERITY_COLOURS.BLUE,
        title: a.facts.title,
        acknowledged: a.status === 'ACKNOWLEDGED',
        closed: !open(a),
      },
    }));
  return { type: 'FeatureCollection', features };
}

/** Where the alarm {@code id} of a list is, as [lon, lat], or null when it is not there or has no place. */
export function alarmPoint(alarms: readonly Pick<Alarm, 'facts'>[], id: string | null | undefined): [number, number] | null {
  const location = id ? alarms.find((a) => a.facts.alarmId === id)?.facts.location : null;
  return location ? [location.lon, location.lat] : null;
}

/** An open case's place as GET /api/casework/cases/locations answers it. */
export interface CaseLocation {
  id: string;
  lon: number;
  lat: number;
  urgency: 'ROUTINE' | 'URGENT' | 'EMERGENCY';
  overdue: boolean;
}

const URGENCY_WEIGHT: Record<CaseLocation['urgency'], number> = { ROUTINE: 1, URGENT: 2, EMERGENCY: 3 };

/**
 * Cases as points for both drawings: the heat map weighs each by urgency (an overdue case counts once more, being
 * the one a leader should see), the circles colour overdue ones red.
 */
export function caseFeatures(cases: readonly CaseLocation[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: cases
      .filter((c) => Number.isFinite(c.lon) && Number.isFinite(c.lat))
      .map((c) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
        properties: { id: c.id, urgency: c.urgency, overdue: c.overdue, weight: (URGENCY_WEIGHT[c.urgency] ?? 1) + (c.overdue ? 1 : 0) },
      })),
  };
}

type Box = [number, number, number, number];

function bboxParam(box: Box): string {
  const clamp = (v: number, lim: number) => Math.min(lim, Math.max(-lim, v));
  return [clamp(box[0], 180), clamp(box[1], 90), clamp(box[2], 180), clamp(box[3], 90)].map((v) => v.toFixed(5)).join(',');
}

/**
 * The catalogue layer the gazetteer publishes the road network as (GazetteerSeed): the cockpit's road switch draws
 * it by road class, so the catalogue list leaves it out rather than offering the same roads twice.
 */
export const ROAD_LAYER = 'roads';

/** The roads in a view, from the road layer's features (one page of the API: 1000 at most). */
export function roadQuery(box: Box, limit = 1000): string {
  return `/api/layers/${ROAD_LAYER}/features?bbox=${bboxParam(box)}&limit=${limit}`;
}

/**
 * The POIs of a view: the API searches a circle, so ask for the one around the view (centre to corner) and keep
 * what falls in the box; null below {@link POI_MIN_ZOOM}, where they would be a smear and a large reply.
 */
export function poiQuery(box: Box, zoom: number, limit = 1000): string | null {
  if (zoom < POI_MIN_ZOOM) return null;
  const lon = (box[0] + box[2]) / 2;
  const lat = (box[1] + box[3]) / 2;
  const k = Math.PI / 180;
  const dx = ((box[2] - box[0]) / 2) * k * Math.cos(lat * k) * 6_371_000;
  const dy = ((box[3] - box[1]) / 2) * k * 6_371_000;
  const radius = Math.min(50_000, Math.max(10, Math.ceil(Math.hypot(dx, dy))));
  return `/api/pois/within?lon=${lon.toFixed(6)}&lat=${lat.toFixed(6)}&radius=${radius}&limit=${limit}`;
}

export function poiFeatures(pois: readonly Pick<Poi, 'id' | 'name' | 'classCode' | 'lon' | 'lat'>[], box: Box): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: pois
      .filter((p) => p.lon >= box[0] && p.lon <= box[2] && p.lat >= box[1] && p.lat <= box[3])
      .map((p) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: { id: p.id, name: p.name, classCode: p.classCode },
      })),
  };
}

/** Whether two boxes overlap: which divisions' grids a view needs. */
export function overlaps(a: Box, b: Box): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
