import { request } from './api';
import type { FeatureCollection } from './geo';
import { label, locale, t } from './i18n';

/** One answer of /api/geocode: a gazetteer address and how sure the match is (0–1). */
export interface GeocodeResult {
  address: {
    id: number;
    text: string;
    lon: number;
    lat: number;
    divisionPath: string[];
    grid: string | null;
    synthetic: boolean;
  };
  confidence: number;
}

/** A POI as /api/pois answers it (the fields the map tools read). */
export interface Poi {
  id: string;
  classCode: string;
  name: string;
  lon: number;
  lat: number;
  division: string | null;
  grid: string | null;
  address: string | null;
  synthetic: boolean;
}

/** A search hit of either kind, as the result list and the map show it. */
export interface Place {
  key: string;
  kind: 'address' | 'poi';
  name: string;
  detail: string;
  lon: number;
  lat: number;
  division: string | null;
  grid: string | null;
  score: number;
}

/** /api/geocode/reverse: the division path of a point, its grid and the nearest gazetteer address. */
export interface Reverse {
  lon: number;
  lat: number;
  inside: boolean;
  placement: { code: string; name: string; kind: string; synthetic: boolean }[];
  grid: string | null;
  nearest: GeocodeResult['address'] | null;
  distanceMetres: number | null;
}

/** A thematic layer of /api/layers. */
export interface LayerInfo {
  id: string;
  titleZh: string;
  titleEn: string;
  geometryType: 'POINT' | 'LINE' | 'POLYGON' | string;
  style: Record<string, unknown>;
  featureCount: number;
  synthetic: boolean;
}

/** Two hits are the same place when their names match and they lie within this many metres. */
const SAME_PLACE_METRES = 50;

function metres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const k = Math.PI / 180;
  const x = (b.lon - a.lon) * k * Math.cos(((a.lat + b.lat) / 2) * k);
  const y = (b.lat - a.lat) * k;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}

/**
 * A POI's rank against the query: its exact name first, then names containing the query, then what the search's
 * word matching found; addresses rank by the geocoder's own confidence on the same 0–1 scale.
 */
export function poiScore(name: string, query: string): number {
  const q = query.trim();
  if (name === q) return 1;
  return name.includes(q) ? 0.9 : 0.6;
}

/** Addresses and POIs in one list, best first, the same place (same name, close together) once, at most {@code limit}. */
export function mergePlaces(
  query: string,
  addresses: readonly GeocodeResult[],
  pois: readonly Poi[],
  classNames: Readonly<Record<string, string>> = {},
  limit = 20,
): Place[] {
  const all: Place[] = [
    ...addresses.map((r) => ({
      key: `address:${r.address.id}`, kind: 'address' as const, name: r.address.text, detail: label('placeKind', 'address'),
      lon: r.address.lon, lat: r.address.lat, division: r.address.divisionPath.at(-1) ?? null, grid: r.address.grid,
      score: r.confidence,
    })),
    ...pois.map((p) => ({
      key: `poi:${p.id}`, kind: 'poi' as const, name: p.name,
      detail: [classNames[p.classCode] ?? p.classCode, p.address].filter(Boolean).join(' · '),
      lon: p.lon, lat: p.lat, division: p.division, grid: p.grid, score: poiScore(p.name, query),
    })),
  ];
  // A stable sort keeps each source's own order among equal scores.
  all.sort((a, b) => b.score - a.score);
  const kept: Place[] = [];
  for (const place of all) {
    if (kept.some((k) => k.name === place.name && metres(k, place) < SAME_PLACE_METRES)) continue;
    kept.push(place);
    if (kept.length >= limit) break;
  }
  return kept;
}

/**
 * Searches addresses and POIs at once. One source failing (say the geocoder refuses the text) still shows the
 * other's hits with its message; only when both fail is it an error.
 */
export async function searchPlaces(
  query: string,
  classNames: Readonly<Record<string, string>> = {},
): Promise<{ places: Place[]; problems: string[] }> {
  const q = encodeURIComponent(query.trim());
  const [addresses, pois] = await Promise.allSettled([
    request<GeocodeResult[]>(`/api/geocode?q=${q}&limit=10`),
    request<{ items: Poi[] }>(`/api/pois?q=${q}&limit=20`),
  ]);
  const problems = [addresses, pois].flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message] : []));
  if (addresses.status === 'rejected' && pois.status === 'rejected') throw addresses.reason;
  return {
    places: mergePlaces(
      query,
      addresses.status === 'fulfilled' ? addresses.value : [],
      pois.status === 'fulfilled' ? pois.value.items : [],
      classNames,
    ),
    problems: [...new Set(problems)],
  };
}

export function placesGeoJson(places: readonly Place[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: places.map((p, i) => ({
      type: 'Feature' as const,
      id: i,
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: { key: p.key, name: p.name, kind: p.kind, rank: i + 1 },
    })),
  };
}

/** POI class names in the page's language by code; none (codes shown) when the catalogue cannot be read. */
export async function poiClassNames(): Promise<Record<string, string>> {
  try {
    const classes = await request<{ code: string; nameZh: string; nameEn: string }[]>('/api/poi-classes');
    return Object.fromEntries(classes.map((c) => [c.code, (locale.value === 'en' ? c.nameEn : c.nameZh) || c.code]));
  } catch {
    return {};
  }
}

export function reverseGeocode(lon: number, lat: number): Promise<Reverse> {
  return request<Reverse>(`/api/geocode/reverse?lon=${lon.toFixed(6)}&lat=${lat.toFixed(6)}`);
}

/** The rows the point panel shows: each division of the path by its kind, then the grid unless the path has it. */
export function placementRows(r: Reverse): { label: string; value: string }[] {
  const rows = r.placement.map((d) => ({ label: label('divisionKind', d.kind), value: `${d.name}${t('punct.aside', { text: d.code })}` }));
  if (r.grid && !r.placement.some((d) => d.code === r.grid)) rows.push({ label: label('divisionKind', 'GRID'), value: r.grid });
  return rows;
}

export function layerTitle(layer: Pick<LayerInfo, 'titleZh' | 'titleEn' | 'id'>): string {
  return (locale.value === 'en' ? layer.titleEn : layer.titleZh) || layer.titleZh || layer.id;
}

function colour(style: Record<string, unknown>, fallback: string): string {
  const c = style.color ?? style.colour ?? style.stroke ?? style.fill;
  return typeof c === 'string' && /^#[0-9a-f]{3,8}$|^rgba?\(/i.test(c) ? c : fallback;
}

function number(value: unknown, fallback: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.min(value, max) : fallback;
}

/**
 * The MapLibre layers that draw a thematic layer, from its free-form style (colour, width, opacity): points as
 * circles, lines as lines, polygons as a fill and an outline. Unknown or unsafe style values fall back to defaults.
 */
export function layerDrawing(layer: Pick<LayerInfo, 'id' | 'geometryType' | 'style'>): {
  id: string; type: 'circle' | 'line' | 'fill'; paint: Record<string, unknown>;
}[] {
  const style = layer.style ?? {};
  const c = colour(style, '#f2c14e');
  const width = number(style.width, 2, 12);
  const opacity = number(style.opacity, 0.35, 1);
  const id = `layer-${layer.id}`;
  switch (layer.geometryType) {
    case 'POINT':
      return [{ id: `${id}-circle`, type: 'circle', paint: { 'circle-color': c, 'circle-radius': number(style.radius, 5, 20), 'circle-stroke-color': '#06121f', 'circle-stroke-width': 1 } }];
    case 'LINE':
      return [{ id: `${id}-line`, type: 'line', paint: { 'line-color': c, 'line-width': width } }];
    case 'POLYGON':
      return [
        { id: `${id}-fill`, type: 'fill', paint: { 'fill-color': c, 'fill-opacity': opacity } },
        { id: `${id}-line`, type: 'line', paint: { 'line-color': c, 'line-width': Math.min(width, 3) } },
      ];
    default:
      // A mixed layer: draw whatever it holds, each geometry by the matching drawing.
      return [
        { id: `${id}-fill`, type: 'fill', paint: { 'fill-color': c, 'fill-opacity': opacity } },
        { id: `${id}-line`, type: 'line', paint: { 'line-color': c, 'line-width': width } },
        { id: `${id}-circle`, type: 'circle', paint: { 'circle-color': c, 'circle-radius': 5 } },
      ];
  }
}

/** A layer's features in the box the map shows (at most 1000, as the API's page), WGS84. */
export function layerFeatures(id: string, box: [number, number, number, number]): Promise<FeatureCollection & { numberMatched?: number }> {
  const bbox = box.map((v) => v.toFixed(5)).join(',');
  return request<FeatureCollection & { numberMatched?: number }>(`/api/layers/${encodeURIComponent(id)}/features?bbox=${bbox}&limit=1000`);
}

/** The box [west, south, east, north] around a collection's points, to fit the map to search or dry-run hits. */
export function pointsBox(collection: FeatureCollection): [number, number, number, number] | null {
  let box: [number, number, number, number] | null = null;
  for (const f of collection.features) {
    if (f.geometry?.type !== 'Point') continue;
    const [lon, lat] = f.geometry.coordinates as [number, number];
    box = box ? [Math.min(box[0], lon), Math.min(box[1], lat), Math.max(box[2], lon), Math.max(box[3], lat)] : [lon, lat, lon, lat];
  }
  return box;
}
