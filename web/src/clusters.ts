import type { FeatureCollection } from './geo';

/** One cell of devices as the server gathers them (GET /api/devices/clusters). */
export interface DeviceCluster {
  lon: number;
  lat: number;
  count: number;
  faulty: number;
  device: string | null;
}

export interface DeviceClusters {
  zoom: number;
  cellDegrees: number;
  total: number;
  clusters: DeviceCluster[];
}

/**
 * The server's zoom for a MapLibre zoom: MapLibre's tiles are 512 px, the server counts in 256-px tiles, so the same
 * view is one level higher there; whole levels, so panning at one zoom reuses the same cells.
 */
export function serverZoom(mapZoom: number): number {
  return Math.min(22, Math.max(0, Math.round(mapZoom) + 1));
}

/** The query for a view: its box (clamped to the world) at its zoom, with an optional device type. */
export function clusterQuery(box: [number, number, number, number], mapZoom: number, type: string): string {
  const [w, s, e, n] = box;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const bbox = [clamp(w, -180, 180), clamp(s, -90, 90), clamp(e, -180, 180), clamp(n, -90, 90)]
    .map((v) => v.toFixed(5))
    .join(',');
  const params = new URLSearchParams({ bbox, zoom: String(serverZoom(mapZoom)) });
  if (type) params.set('type', type);
  return `/api/devices/clusters?${params}`;
}

/** Cells as GeoJSON points for a circle layer: size by count, colour by whether any device in it is faulty. */
export function clusterFeatures(result: DeviceClusters): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: result.clusters.map((c) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
      properties: { count: c.count, faulty: c.faulty, device: c.device ?? '' },
    })),
  };
}
