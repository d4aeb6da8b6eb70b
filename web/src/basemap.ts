import maplibregl, { type GeoJSONSource, type GeoJSONSourceSpecification, type MapOptions } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { request } from './api';
import { bounds, centroid, type Feature, type FeatureCollection } from './geo';

/**
 * The font of map labels: the web font CityOS bundles (style.css). The style names no glyph server, so MapLibre
 * draws every label glyph, CJK or Latin, in the browser from this font; nothing is fetched from the internet.
 */
export const MAP_FONT = 'Noto Sans SC';

type SourceData = GeoJSONSourceSpecification['data'];

/** A map on CityOS's own basemap colours, with labels drawn locally from the bundled font. */
export function createMap(container: HTMLElement, options: Partial<MapOptions> = {}): maplibregl.Map {
  const map = new maplibregl.Map({
    container,
    style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#0a1a2e' } }] },
    center: [116.34, 39.73],
    zoom: 9,
    attributionControl: false,
    localIdeographFontFamily: MAP_FONT,
    ...options,
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  return map;
}

export function loaded(map: maplibregl.Map): Promise<void> {
  return map.loaded() ? Promise.resolve() : new Promise((resolve) => map.once('load', () => resolve()));
}

/**
 * Makes sure the label font's pieces for these texts are loaded before MapLibre draws them on a canvas: the font
 * comes in unicode-range pieces, and a canvas does not ask for a piece by itself.
 */
export async function fontFor(texts: readonly string[]): Promise<void> {
  const sample = [...new Set(texts.join(''))].join('');
  if (!sample || !document.fonts) return;
  try {
    await document.fonts.load(`400 16px "${MAP_FONT}"`, sample);
  } catch {
    // Labels then fall back to the browser's sans-serif; the map still works.
  }
}

/** Puts GeoJSON in a source, creating it on first use. */
export function setData(map: maplibregl.Map, id: string, data: FeatureCollection | Feature): void {
  const source = map.getSource(id) as GeoJSONSource | undefined;
  if (source) source.setData(data as SourceData);
  else map.addSource(id, { type: 'geojson', data: data as SourceData });
}

/**
 * The district's outline and its towns with their names, for orientation; returns the district's box. A failure
 * to load them leaves a plain background, which still shows points.
 */
export async function drawDistrict(map: maplibregl.Map, division: string): Promise<[number, number, number, number] | null> {
  const [district, towns] = await Promise.all([
    request<Feature>(`/api/divisions/${division}/boundary`),
    request<FeatureCollection>(`/api/divisions/${division}/children/boundaries`),
  ]);
  const labels: FeatureCollection = {
    type: 'FeatureCollection',
    features: towns.features.flatMap((town) => {
      const centre = centroid(town.geometry);
      return centre ? [{ type: 'Feature' as const, geometry: { type: 'Point', coordinates: centre }, properties: { name: String(town.properties.name ?? '') } }] : [];
    }),
  };
  await fontFor(labels.features.map((f) => String(f.properties.name)));
  setData(map, 'towns', towns);
  setData(map, 'district', district);
  setData(map, 'town-labels', labels);
  map.addLayer({ id: 'towns-fill', type: 'fill', source: 'towns', paint: { 'fill-color': '#14385e', 'fill-opacity': 0.7 } });
  map.addLayer({ id: 'towns-line', type: 'line', source: 'towns', paint: { 'line-color': '#3d7fc1', 'line-width': 1 } });
  map.addLayer({ id: 'district-line', type: 'line', source: 'district', paint: { 'line-color': '#6fd3ff', 'line-width': 2.5 } });
  map.addLayer({
    id: 'town-names', type: 'symbol', source: 'town-labels',
    layout: { 'text-field': ['get', 'name'], 'text-font': [MAP_FONT], 'text-size': 12 },
    paint: { 'text-color': '#cfe6ff', 'text-halo-color': '#06121f', 'text-halo-width': 1.2 },
  });
  return bounds({ type: 'FeatureCollection', features: [district] });
}

/** The deployment's tile source as GET /api/web/basemap answers it (cityos.web.basemap.*). */
export interface BasemapConfig {
  tileUrl: string | null;
  attribution: string;
}

/** The id of the deployment's tile layer: CityOS's own layers are drawn over it. */
export const TILE_LAYER = 'basemap-tiles';

/**
 * The raster source and layer for a configured tile URL template, or null when none is set (CityOS's own layers
 * are then the whole basemap). Only {z}/{x}/{y} templates of http(s) or a path on CityOS itself are taken.
 */
export function tileLayer(config: BasemapConfig | null | undefined): {
  source: { type: 'raster'; tiles: string[]; tileSize: number; attribution?: string };
  layer: { id: string; type: 'raster'; source: string; paint: Record<string, unknown> };
} | null {
  const url = config?.tileUrl?.trim();
  if (!url || !/^(https?:\/\/|\/)/.test(url) || !['{z}', '{x}', '{y}'].every((p) => url.includes(p))) return null;
  const attribution = config?.attribution?.trim();
  return {
    source: { type: 'raster', tiles: [url], tileSize: 256, ...(attribution ? { attribution } : {}) },
    // Dimmed: the tiles are context under the city's own data, not the subject.
    layer: { id: TILE_LAYER, type: 'raster', source: TILE_LAYER, paint: { 'raster-opacity': 0.55, 'raster-saturation': -0.4 } },
  };
}
