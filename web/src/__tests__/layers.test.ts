import { describe, expect, it } from 'vitest';
import type { Alarm } from '../alarms';
import {
  alarmFeatures, alarmPoint, caseFeatures, DEFAULT_LAYERS, loadLayerState, overlaps, poiFeatures, poiQuery, roadQuery, STORAGE_KEY,
  switchLayer, type CaseLocation,
} from '../layers';

function memory(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('layer state', () => {
  it('starts from the defaults the performance test measures', () => {
    const state = loadLayerState(memory());
    expect(Object.keys(state).filter((id) => state[id]).sort()).toEqual([...DEFAULT_LAYERS].sort());
    expect(state.roads).toBe(false);
    expect(state.pois).toBe(false);
  });

  it('keeps a switch across page loads, thematic layers included', () => {
    const storage = memory();
    let state = loadLayerState(storage);
    state = switchLayer(state, 'roads', true, storage);
    state = switchLayer(state, 'alarms', false, storage);
    state = switchLayer(state, 'theme:parks', true, storage);
    const again = loadLayerState(storage);
    expect(again.roads).toBe(true);
    expect(again.alarms).toBe(false);
    expect(again['theme:parks']).toBe(true);
    expect(again.divisions).toBe(true);
  });

  it('ignores unreadable or foreign stored values instead of breaking the page', () => {
    expect(loadLayerState(memory({ [STORAGE_KEY]: '{not json' })).devices).toBe(true);
    const odd = loadLayerState(memory({ [STORAGE_KEY]: JSON.stringify({ devices: 'no', bogus: true, roads: true }) }));
    expect(odd.devices).toBe(true);
    expect(odd.roads).toBe(true);
    expect('bogus' in odd).toBe(false);
    expect(loadLayerState(memory({ [STORAGE_KEY]: '[true]' })).devices).toBe(true);
  });

  it('survives a storage that refuses writes', () => {
    const full = { setItem: () => { throw new Error('quota'); } };
    expect(switchLayer({ roads: false }, 'roads', true, full).roads).toBe(true);
  });
});

function alarm(id: string, severity: Alarm['facts']['severity'], status: Alarm['status'], location: { lon: number; lat: number } | null) {
  return { status, facts: { alarmId: id, severity, title: `告警 ${id}`, location } } as Pick<Alarm, 'facts' | 'status'>;
}

describe('alarm points', () => {
  it('shows open alarms with a place, coloured by severity, red on top', () => {
    const fc = alarmFeatures([
      alarm('a', 'RED', 'RAISED', { lon: 116.3, lat: 39.7 }),
      alarm('b', 'BLUE', 'ACKNOWLEDGED', { lon: 116.4, lat: 39.8 }),
      alarm('c', 'ORANGE', 'CLEARED', { lon: 116.4, lat: 39.8 }),
      alarm('d', 'YELLOW', 'RAISED', null),
    ]);
    expect(fc.features.map((f) => f.properties.id)).toEqual(['b', 'a']);
    expect(fc.features[1].properties.colour).toBe('#ff4d4f');
    expect(fc.features[0].properties.acknowledged).toBe(true);
    expect(fc.features[1].geometry).toEqual({ type: 'Point', coordinates: [116.3, 39.7] });
  });

  it('draws every alarm of the console’s list with a place, closed ones marked, and finds a row’s point', () => {
    const list = [
      alarm('a', 'RED', 'RAISED', { lon: 116.3, lat: 39.7 }),
      alarm('c', 'ORANGE', 'CLEARED', { lon: 116.4, lat: 39.8 }),
      alarm('d', 'YELLOW', 'RAISED', null),
    ] as Alarm[];
    const fc = alarmFeatures(list, { openOnly: false });
    expect(fc.features.map((f) => [f.properties.id, f.properties.closed])).toEqual([['c', true], ['a', false]]);
    expect(alarmPoint(list, 'c')).toEqual([116.4, 39.8]);
    expect(alarmPoint(list, 'd')).toBeNull();
    expect(alarmPoint(list, 'gone')).toBeNull();
    expect(alarmPoint(list, null)).toBeNull();
  });
});

describe('case heat and points', () => {
  it('weighs a case by urgency and once more when overdue', () => {
    const cases: CaseLocation[] = [
      { id: '1', lon: 116.3, lat: 39.7, urgency: 'ROUTINE', overdue: false },
      { id: '2', lon: 116.3, lat: 39.7, urgency: 'EMERGENCY', overdue: true },
      { id: '3', lon: Number.NaN, lat: 39.7, urgency: 'URGENT', overdue: false },
    ];
    const fc = caseFeatures(cases);
    expect(fc.features.map((f) => f.properties.weight)).toEqual([1, 4]);
    expect(fc.features[1].properties.overdue).toBe(true);
  });
});

describe('view queries', () => {
  const box: [number, number, number, number] = [116.30, 39.70, 116.34, 39.72];

  it('asks for POIs only from zoom 13, in the circle around the view', () => {
    expect(poiQuery(box, 12.9)).toBeNull();
    const q = new URL(poiQuery(box, 13)!, 'http://x');
    expect(q.pathname).toBe('/api/pois/within');
    expect(Number(q.searchParams.get('lon'))).toBeCloseTo(116.32);
    expect(Number(q.searchParams.get('lat'))).toBeCloseTo(39.71);
    // Half the diagonal of a 3.4 km × 2.2 km view.
    expect(Number(q.searchParams.get('radius'))).toBeGreaterThan(1900);
    expect(Number(q.searchParams.get('radius'))).toBeLessThan(2200);
  });

  it('keeps only the POIs in the box (the circle reaches past its corners)', () => {
    const fc = poiFeatures([
      { id: 'in', name: '医院', classCode: 'hospital', lon: 116.31, lat: 39.71 },
      { id: 'out', name: '学校', classCode: 'school', lon: 116.35, lat: 39.71 },
    ], box);
    expect(fc.features.map((f) => f.properties.id)).toEqual(['in']);
  });

  it('asks the catalogue road layer for the view, clamped to the world', () => {
    expect(roadQuery([-200, -100, 116, 40], 10)).toBe('/api/layers/roads/features?bbox=-180.00000,-90.00000,116.00000,40.00000&limit=10');
  });

  it('tells overlapping boxes, edges included', () => {
    expect(overlaps(box, [116.34, 39.72, 116.5, 39.9])).toBe(true);
    expect(overlaps(box, [116.35, 39.70, 116.5, 39.9])).toBe(false);
  });
});
