import { describe, expect, it } from 'vitest';
import { TILE_LAYER, tileLayer } from '../basemap';

describe('configured tile source', () => {
  it('is nothing when the deployment sets none: CityOS draws its own layers only', () => {
    expect(tileLayer(null)).toBeNull();
    expect(tileLayer({ tileUrl: null, attribution: '' })).toBeNull();
    expect(tileLayer({ tileUrl: '  ', attribution: 'x' })).toBeNull();
  });

  it('is a raster source and layer for a {z}/{x}/{y} template, with its attribution', () => {
    const tiles = tileLayer({ tileUrl: 'https://tiles.example.gov.cn/{z}/{x}/{y}.png', attribution: '© 区测绘院' });
    expect(tiles?.source).toEqual({ type: 'raster', tiles: ['https://tiles.example.gov.cn/{z}/{x}/{y}.png'], tileSize: 256, attribution: '© 区测绘院' });
    expect(tiles?.layer).toMatchObject({ id: TILE_LAYER, type: 'raster', source: TILE_LAYER });
    expect(tileLayer({ tileUrl: '/tiles/{z}/{x}/{y}.png', attribution: '' })?.source).not.toHaveProperty('attribution');
  });

  it('refuses a template without tile coordinates or of another scheme', () => {
    expect(tileLayer({ tileUrl: 'https://tiles.example.gov.cn/tile.png', attribution: '' })).toBeNull();
    expect(tileLayer({ tileUrl: 'javascript:alert(1)//{z}/{x}/{y}', attribution: '' })).toBeNull();
  });
});
