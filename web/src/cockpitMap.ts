import type maplibregl from 'maplibre-gl';
import type { GeoJSONSource, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import { request } from './api';
import type { Alarm } from './alarms';
import { bounds, type FeatureCollection } from './geo';
import {
  alarmFeatures, caseFeatures, GRID_MIN_ZOOM, overlaps, poiFeatures, poiQuery, roadQuery, THEME_PREFIX,
  type CaseLocation,
} from './layers';
import { layerDrawing, layerFeatures, type LayerInfo, type Poi } from './maptools';

type Box = [number, number, number, number];
type SourceData = GeoJSONSourceSpecification['data'];

/** What a layer shows now, for the panel (and the browser test): its state and how many features it drew. */
export interface LayerStatus {
  state: 'off' | 'loading' | 'ready' | 'error';
  features: number;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The MapLibre layers of each cockpit layer, bottom to top. All are added at start over empty sources and stay
 * hidden until switched on, so switching is a visibility change plus a load, and the order never depends on which
 * layer was loaded first.
 */
const STYLE_LAYERS: Record<string, LayerSpecification[]> = {
  grids: [
    { id: 'grids-line', type: 'line', source: 'grids', paint: { 'line-color': '#5d8fbf', 'line-width': 0.7, 'line-dasharray': [2, 2] } },
  ],
  roads: [
    {
      id: 'roads-line', type: 'line', source: 'roads',
      paint: {
        'line-color': ['match', ['get', 'class'], 'ARTERIAL', '#e0b45c', 'STREET', '#9aa9b8', '#6d7b88'],
        'line-width': ['match', ['get', 'class'], 'ARTERIAL', 2.2, 'STREET', 1.2, 0.8],
      },
    },
  ],
  casesHeat: [
    {
      id: 'cases-heat', type: 'heatmap', source: 'cases', maxzoom: 15,
      paint: {
        'heatmap-weight': ['/', ['get', 'weight'], 4],
        'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 8, 12, 14, 30],
        'heatmap-opacity': ['interpolate', ['linear'], ['zoom'], 12, 0.8, 14, 0],
        'heatmap-color': ['interpolate', ['linear'], ['heatmap-density'], 0, 'rgba(0,0,0,0)', 0.2, '#1f6fc4', 0.5, '#f2c14e', 0.8, '#ff7a45', 1, '#ff4d4f'],
      },
    },
    // Past the heat map's fade the same cases stand as circles: a hot spot resolves into its cases.
    {
      id: 'cases-heat-points', type: 'circle', source: 'cases', minzoom: 13,
      paint: {
        'circle-color': ['case', ['get', 'overdue'], '#ff4d4f', '#f2c14e'],
        'circle-radius': 5, 'circle-stroke-color': '#06121f', 'circle-stroke-width': 1,
        'circle-opacity': ['interpolate', ['linear'], ['zoom'], 13, 0, 14, 1],
      },
    },
  ],
  casesPoints: [
    {
      id: 'cases-points', type: 'circle', source: 'cases',
      paint: {
        'circle-color': ['case', ['get', 'overdue'], '#ff4d4f', ['match', ['get', 'urgency'], 'EMERGENCY', '#ff9f1a', 'URGENT', '#ffe14d', '#9fd3ff']],
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 3, 15, 7],
        'circle-stroke-color': '#06121f', 'circle-stroke-width': 1,
      },
    },
  ],
  pois: [
    { id: 'pois-circle', type: 'circle', source: 'pois', paint: { 'circle-color': '#b48cff', 'circle-radius': 4, 'circle-stroke-color': '#06121f', 'circle-stroke-width': 1 } },
  ],
  alarms: [
    {
      id: 'alarms-circle', type: 'circle', source: 'alarms',
      paint: {
        'circle-color': ['get', 'colour'], 'circle-radius': 8, 'circle-stroke-color': '#ffffff',
        'circle-stroke-width': ['case', ['get', 'acknowledged'], 1, 2.5],
      },
    },
  ],
};

/** The drawn layers of the base map (set up by CityMap) that the divisions and devices switches show and hide. */
const FIXED: Record<string, string[]> = {
  divisions: ['towns-fill', 'towns-line', 'district-line'],
  devices: ['devices-clusters'],
};

/** The layers that draw only what is in view and are loaded again when the view moves. */
const VIEW_BOUND = new Set(['grids', 'roads', 'pois']);

export class CockpitLayers {
  private readonly loaded = new Set<string>();
  private readonly children = new Map<string, Promise<FeatureCollection>>();
  private themes: LayerInfo[] = [];
  /** Set when the page is left: answers that arrive later have no map to draw on. */
  private disposed = false;

  constructor(
    private readonly map: maplibregl.Map,
    private readonly towns: FeatureCollection,
    private readonly report: (id: string, status: LayerStatus) => void,
  ) {
    for (const source of ['grids', 'roads', 'cases', 'pois', 'alarms']) {
      map.addSource(source, { type: 'geojson', data: EMPTY as SourceData });
    }
    const order = ['grids', 'roads'];
    const over = ['casesHeat', 'casesPoints', 'pois'];
    // Areas and lines under the district outline; points over it, devices under the alarms.
    for (const id of order) for (const l of STYLE_LAYERS[id]) map.addLayer(hidden(l), 'towns-line');
    for (const id of over) for (const l of STYLE_LAYERS[id]) map.addLayer(hidden(l), 'devices-clusters');
    for (const l of STYLE_LAYERS.alarms) map.addLayer(hidden(l));
  }

  /** The MapLibre layer ids that draw a cockpit layer (thematic ones included). */
  styleLayers(id: string): string[] {
    if (FIXED[id]) return FIXED[id];
    if (STYLE_LAYERS[id]) return STYLE_LAYERS[id].map((l) => l.id);
    const theme = this.themes.find((t) => THEME_PREFIX + t.id === id);
    return theme ? layerDrawing(theme).map((d) => d.id) : [];
  }

  /** The catalogue's thematic layers, drawn over the divisions and under the cases when switched on. */
  addThemes(themes: LayerInfo[]): void {
    if (this.disposed) return;
    this.themes = themes;
    for (const theme of themes) {
      const source = `layer-${theme.id}`;
      if (this.map.getSource(source)) continue;
      this.map.addSource(source, { type: 'geojson', data: EMPTY as SourceData });
      for (const d of layerDrawing(theme)) {
        this.map.addLayer(hidden({ id: d.id, type: d.type, source, paint: d.paint } as LayerSpecification), 'cases-heat');
      }
    }
  }

  /** Stops drawing: the map is about to be removed. */
  dispose(): void {
    this.disposed = true;
  }

  /** Shows or hides a layer; showing loads its data (again, for a layer bound to the view). */
  async show(id: string, on: boolean): Promise<void> {
    if (this.disposed) return;
    for (const l of this.styleLayers(id)) {
      if (this.map.getLayer(l)) this.map.setLayoutProperty(l, 'visibility', on ? 'visible' : 'none');
    }
    if (!on) {
      this.report(id, { state: 'off', features: 0 });
      return;
    }
    if (FIXED[id]) {
      this.report(id, { state: 'ready', features: id === 'divisions' ? this.towns.features.length : 1 });
      return;
    }
    await this.load(id);
  }

  /** Loads a shown layer's data; a failure is the layer's state, never the page's. */
  async load(id: string): Promise<void> {
    if (this.disposed) return;
    this.report(id, { state: 'loading', features: 0 });
    try {
      const data = await this.fetch(id);
      if (this.disposed) return;
      const source = id.startsWith(THEME_PREFIX) ? `layer-${id.slice(THEME_PREFIX.length)}` : id === 'casesHeat' || id === 'casesPoints' ? 'cases' : id;
      (this.map.getSource(source) as GeoJSONSource | undefined)?.setData(data as SourceData);
      this.loaded.add(id);
      this.report(id, { state: 'ready', features: data.features.length });
    } catch {
      this.report(id, { state: 'error', features: 0 });
    }
  }

  /** The layers to load again after the view moved. */
  viewBound(visible: (id: string) => boolean): string[] {
    return [...this.loaded].filter((id) => visible(id) && (VIEW_BOUND.has(id) || id.startsWith(THEME_PREFIX)));
  }

  private box(): Box {
    const b = this.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  }

  private async fetch(id: string): Promise<FeatureCollection> {
    const box = this.box();
    switch (id) {
      case 'roads':
        return request<FeatureCollection>(roadQuery(box));
      case 'alarms': {
        const page = await request<{ items: Alarm[] }>('/api/alerting/alarms?status=RAISED,ACKNOWLEDGED&limit=1000');
        return alarmFeatures(page.items);
      }
      case 'casesHeat':
      case 'casesPoints':
        return caseFeatures(await request<CaseLocation[]>('/api/casework/cases/locations?status=open&limit=10000'));
      case 'pois': {
        const query = poiQuery(box, this.map.getZoom());
        if (!query) return EMPTY;
        return poiFeatures((await request<{ items: Poi[] }>(query)).items, box);
      }
      case 'grids':
        return this.grids(box);
      default:
        if (id.startsWith(THEME_PREFIX)) return layerFeatures(id.slice(THEME_PREFIX.length), box);
        return EMPTY;
    }
  }

  /**
   * Communities of the towns in view, or from {@link GRID_MIN_ZOOM} the grid cells of the communities in view; each
   * division's children are asked once.
   */
  private async grids(box: Box): Promise<FeatureCollection> {
    const within = (fc: FeatureCollection) =>
      fc.features.filter((f) => {
        const b = bounds({ type: 'FeatureCollection', features: [f] });
        return b != null && overlaps(b, box);
      });
    const childrenOf = (code: string) => {
      let found = this.children.get(code);
      if (!found) {
        found = request<FeatureCollection>(`/api/divisions/${encodeURIComponent(code)}/children/boundaries`);
        found.catch(() => this.children.delete(code));
        this.children.set(code, found);
      }
      return found;
    };
    const codes = (fc: FeatureCollection) => within(fc).map((f) => String(f.properties.code ?? f.id ?? ''));
    const communities = await Promise.all(codes(this.towns).map(childrenOf));
    let features = communities.flatMap((c) => c.features);
    if (this.map.getZoom() >= GRID_MIN_ZOOM) {
      const cells = await Promise.all(codes({ type: 'FeatureCollection', features }).map(childrenOf));
      features = cells.flatMap((c) => c.features);
    }
    return { type: 'FeatureCollection', features };
  }
}

function hidden(layer: LayerSpecification): LayerSpecification {
  return { ...layer, layout: { ...(layer as { layout?: object }).layout, visibility: 'none' } } as LayerSpecification;
}
