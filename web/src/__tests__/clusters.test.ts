import { describe, expect, it } from 'vitest';
import { clusterFeatures, clusterQuery, serverZoom } from '../clusters';

describe('device clusters', () => {
  it('asks the server one level higher than MapLibre, in whole levels within 0–22', () => {
    expect(serverZoom(9.4)).toBe(10);
    expect(serverZoom(9.6)).toBe(11);
    expect(serverZoom(-3)).toBe(0);
    expect(serverZoom(30)).toBe(22);
  });

  it('builds the query from the view, clamped to the world, with the type only when chosen', () => {
    const all = clusterQuery([-200, 39.5, 116.8, 95], 9, '');
    const params = new URL(all, 'http://x').searchParams;
    expect(params.get('bbox')).toBe('-180.00000,39.50000,116.80000,90.00000');
    expect(params.get('zoom')).toBe('10');
    expect(params.has('type')).toBe(false);
    expect(new URL(clusterQuery([116, 39.5, 116.8, 40], 12, 'rain-gauge'), 'http://x').searchParams.get('type')).toBe(
      'rain-gauge',
    );
  });

  it('turns cells into points that carry their count, faults and lone device', () => {
    const fc = clusterFeatures({
      zoom: 10,
      cellDegrees: 0.09,
      total: 3,
      clusters: [
        { lon: 116.4, lat: 39.7, count: 2, faulty: 1, device: null },
        { lon: 116.5, lat: 39.8, count: 1, faulty: 0, device: 'dev_1' },
      ],
    });
    expect(fc.features).toHaveLength(2);
    expect(fc.features[0].geometry).toEqual({ type: 'Point', coordinates: [116.4, 39.7] });
    expect(fc.features[0].properties).toEqual({ count: 2, faulty: 1, device: '' });
    expect(fc.features[1].properties.device).toBe('dev_1');
  });
});
