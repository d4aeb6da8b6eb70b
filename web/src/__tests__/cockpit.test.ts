import { describe, expect, it } from 'vitest';
import { districtRates, type RateRow } from '../cockpit';

function row(part: Partial<RateRow>): RateRow {
  return {
    key: 'x', label: null, dispatched: 0, followedUp: 0, solved: 0, rated: 0,
    responseRate: null, resolutionRate: null, satisfactionRate: null, ...part,
  };
}

describe('districtRates', () => {
  it('weights each town by its own denominator, which is the rate of the summed counts', () => {
    const rates = districtRates([
      row({ dispatched: 10, responseRate: 1.0, followedUp: 4, resolutionRate: 0.5, rated: 2, satisfactionRate: 0.9 }),
      row({ dispatched: 30, responseRate: 0.5, followedUp: 0, resolutionRate: null, rated: 8, satisfactionRate: 0.4 }),
    ]);
    expect(rates.response).toBeCloseTo((10 + 15) / 40);
    expect(rates.resolution).toBeCloseTo(0.5);
    expect(rates.satisfaction).toBeCloseTo((1.8 + 3.2) / 10);
  });

  it('has no rate when nothing was counted, rather than a misleading 0%', () => {
    expect(districtRates([])).toEqual({ response: null, resolution: null, satisfaction: null });
  });
});
