/** Plain GeoJSON shapes, as much of them as the cockpit reads. */
export interface Feature {
  type: 'Feature';
  id?: string | number;
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown>;
}
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

type Ring = [number, number][];

function outerRings(geometry: Feature['geometry']): Ring[] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [(geometry.coordinates as Ring[])[0]];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Ring[][]).map((p) => p[0]);
  return [];
}

/**
 * The area-weighted centre of a polygon's outer rings (planar: a district is small enough), where a division's
 * device count is drawn; falls back to the mean vertex for degenerate rings.
 */
export function centroid(geometry: Feature['geometry']): [number, number] | null {
  let area = 0;
  let x = 0;
  let y = 0;
  let n = 0;
  let mx = 0;
  let my = 0;
  for (const ring of outerRings(geometry)) {
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[i + 1];
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      x += (x0 + x1) * cross;
      y += (y0 + y1) * cross;
      mx += x0;
      my += y0;
      n++;
    }
  }
  if (n === 0) return null;
  if (Math.abs(area) < 1e-12) return [mx / n, my / n];
  return [x / (3 * area), y / (3 * area)];
}

/** The box [west, south, east, north] around every vertex of the collection. */
export function bounds(collection: FeatureCollection): [number, number, number, number] | null {
  let box: [number, number, number, number] | null = null;
  for (const f of collection.features) {
    for (const ring of outerRings(f.geometry)) {
      for (const [lon, lat] of ring) {
        box = box
          ? [Math.min(box[0], lon), Math.min(box[1], lat), Math.max(box[2], lon), Math.max(box[3], lat)]
          : [lon, lat, lon, lat];
      }
    }
  }
  return box;
}
