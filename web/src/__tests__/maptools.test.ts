import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../i18n';
import {
  layerDrawing, layerTitle, mergePlaces, placementRows, placesGeoJson, poiScore, pointsBox, searchPlaces,
  type GeocodeResult, type Poi, type Reverse,
} from '../maptools';

afterEach(() => {
  setLocale('zh-CN');
  vi.unstubAllGlobals();
});

function address(id: number, text: string, confidence: number, lon = 116.34, lat = 39.73): GeocodeResult {
  return { address: { id, text, lon, lat, divisionPath: ['110115000000', '110115001000'], grid: '110115001001001', synthetic: true }, confidence };
}

function poi(id: string, name: string, lon = 116.35, lat = 39.74): Poi {
  return { id, classCode: 'hospital', name, lon, lat, division: '110115002000', grid: null, address: '兴华大街1号', synthetic: true };
}

describe('search result merging', () => {
  it('ranks an exact POI name first, then by the geocoder confidence and name matches', () => {
    const places = mergePlaces('人民医院', [address(1, '大兴区兴华大街1号', 0.95), address(2, '旧宫西路88号', 0.5)],
      [poi('poi_b', '大兴区人民医院门诊部'), poi('poi_a', '人民医院'), poi('poi_c', '急救中心')], { hospital: '医院' });
    expect(places.map((p) => p.key)).toEqual(['poi:poi_a', 'address:1', 'poi:poi_b', 'poi:poi_c', 'address:2']);
    expect(places[0]).toMatchObject({ kind: 'poi', detail: '医院 · 兴华大街1号', lon: 116.35, lat: 39.74 });
    expect(places[1]).toMatchObject({ kind: 'address', division: '110115001000', grid: '110115001001001' });
  });

  it('shows one place once when both sources find it, but keeps same names far apart', () => {
    const near = poi('poi_1', '兴华大街1号', 116.34001, 39.73001);
    const far = poi('poi_2', '兴华大街1号', 116.5, 39.8);
    const places = mergePlaces('兴华大街1号', [address(1, '兴华大街1号', 0.99)], [near, far]);
    // The POI's exact name outranks the address; the address at the same spot is then the same place.
    expect(places.map((p) => p.key)).toEqual(['poi:poi_1', 'poi:poi_2']);
  });

  it('stops at the limit', () => {
    const pois = Array.from({ length: 30 }, (_, i) => poi(`poi_${i}`, `学校${i}`, 116 + i / 100, 39.7));
    expect(mergePlaces('学校', [], pois, {}, 20)).toHaveLength(20);
    expect(poiScore('某学校', '学校')).toBeGreaterThan(poiScore('某中学', '学校'));
  });

  it('still shows the POIs when the geocoder refuses the text, with its reason', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => url.startsWith('/api/geocode')
      ? new Response(JSON.stringify({ title: '请求有误', detail: '地址文本过长' }), { status: 400 })
      : new Response(JSON.stringify({ items: [poi('poi_a', '人民医院')], total: 1 }), { status: 200 })));
    const found = await searchPlaces('人民医院');
    expect(found.places.map((p) => p.key)).toEqual(['poi:poi_a']);
    expect(found.problems).toEqual(['地址文本过长']);
  });

  it('is an error only when both sources fail', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ detail: '服务不可用' }), { status: 503 })));
    await expect(searchPlaces('x')).rejects.toThrow('服务不可用');
  });

  it('draws hits as numbered points and fits them in a box', () => {
    const fc = placesGeoJson(mergePlaces('a', [address(1, 'a', 0.9, 116.3, 39.7)], [poi('p', 'b', 116.4, 39.8)]));
    expect(fc.features.map((f) => f.properties.rank)).toEqual([1, 2]);
    expect(pointsBox(fc)).toEqual([116.3, 39.7, 116.4, 39.8]);
    expect(pointsBox({ type: 'FeatureCollection', features: [] })).toBeNull();
  });
});

describe('point panel', () => {
  const reverse: Reverse = {
    lon: 116.341, lat: 39.726, inside: true, grid: '110115001001003', nearest: null, distanceMetres: null,
    placement: [
      { code: '110115000000', name: '大兴区', kind: 'DISTRICT', synthetic: false },
      { code: '110115001000', name: '兴丰街道', kind: 'SUBDISTRICT', synthetic: false },
      { code: '110115001001', name: '某社区', kind: 'COMMUNITY', synthetic: true },
    ],
  };

  it('names each level by its kind and adds the grid when the path lacks it', () => {
    expect(placementRows(reverse)).toEqual([
      { label: '区/县', value: '大兴区（110115000000）' },
      { label: '街道', value: '兴丰街道（110115001000）' },
      { label: '社区', value: '某社区（110115001001）' },
      { label: '网格', value: '110115001001003' },
    ]);
    const withGrid = { ...reverse, placement: [...reverse.placement, { code: '110115001001003', name: '网格3', kind: 'GRID', synthetic: true }] };
    expect(placementRows(withGrid)).toHaveLength(4);
  });
});

describe('layer browser', () => {
  it('draws a layer by its geometry with its own colour and width', () => {
    expect(layerDrawing({ id: 'roads', geometryType: 'LINE', style: { color: '#8a9bb0', width: 2 } }))
      .toEqual([{ id: 'layer-roads-line', type: 'line', paint: { 'line-color': '#8a9bb0', 'line-width': 2 } }]);
    const polygon = layerDrawing({ id: 'parks', geometryType: 'POLYGON', style: { fill: '#2bd9a0', opacity: 0.5 } });
    expect(polygon.map((d) => d.type)).toEqual(['fill', 'line']);
    expect(polygon[0].paint['fill-opacity']).toBe(0.5);
  });

  it('falls back to defaults for style values it cannot trust', () => {
    const [point] = layerDrawing({ id: 'x', geometryType: 'POINT', style: { color: 'url(javascript:1)', radius: 999 } });
    expect(point.paint['circle-color']).toBe('#f2c14e');
    expect(point.paint['circle-radius']).toBe(20);
    expect(layerDrawing({ id: 'm', geometryType: 'MIXED', style: {} }).map((d) => d.type)).toEqual(['fill', 'line', 'circle']);
  });

  it('titles a layer in the page language', () => {
    const layer = { id: 'roads', titleZh: '道路', titleEn: 'Roads' };
    expect(layerTitle(layer)).toBe('道路');
    setLocale('en');
    expect(layerTitle(layer)).toBe('Roads');
    expect(layerTitle({ ...layer, titleEn: '' })).toBe('道路');
  });
});
