import { afterEach, describe, expect, it } from 'vitest';
import { formatCount, formatPercent, setLocale, t } from '../i18n';
import { menuFor } from '../menu';
import { centroid } from '../geo';

afterEach(() => setLocale('zh-CN'));

describe('i18n', () => {
  it('speaks Chinese by default and English when switched, filling placeholders', () => {
    expect(t('kpi.overdue', { n: 3 })).toBe('超期 3 件');
    setLocale('en');
    expect(t('kpi.overdue', { n: 3 })).toBe('3 overdue');
    expect(document.documentElement.lang).toBe('en');
  });

  it('formats rates and counts, with a dash for what is unknown', () => {
    expect(formatPercent(0.9234)).toBe('92.3%');
    expect(formatPercent(null)).toBe('—');
    expect(formatCount(130000)).toBe('130,000');
    expect(formatCount(undefined)).toBe('—');
  });
});

describe('menuFor', () => {
  it('shows an item only to holders of its permission, in the fixed order', () => {
    const labels = menuFor(['ALARM_READ', 'CASE_REPORT', 'RULE_WRITE']).map((m) => m.route);
    expect(labels).toEqual(['cockpit', 'alarms', 'rules']);
    expect(menuFor([])).toEqual([]);
    // The audit log follows AUDIT_READ, the users page USER_READ (writing is a matter of buttons on it).
    expect(menuFor(['USER_READ', 'AUDIT_READ']).map((m) => m.route)).toEqual(['audit', 'users']);
  });
});

describe('centroid', () => {
  it('is the centre of area, not of vertices', () => {
    // A square with an extra vertex on one side: the vertex mean would lean towards it.
    const square = { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 1], [2, 2], [0, 2], [0, 0]]] };
    const [x, y] = centroid(square)!;
    expect(x).toBeCloseTo(1);
    expect(y).toBeCloseTo(1);
  });

  it('has none for a missing geometry', () => {
    expect(centroid(null)).toBeNull();
  });
});
