import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, post } from '../api';
import { setLocale } from '../i18n';
import {
  caret, draftFromForm, durationText, emptyForm, fieldMessages, fieldOf, formFromDraft, parseDuration, ruleSummary, scopeSummary,
} from '../ruleForm';
import { bySeverity, dryRunGeoJson, dryRunPeriod, ruleQuery, type Rule, type RuleDraft } from '../rules';

afterEach(() => {
  setLocale('zh-CN');
  vi.unstubAllGlobals();
});

const waterlogging: RuleDraft = {
  name: '道路积水超过15厘米', description: null, kind: 'DURATION', severity: 'ORANGE',
  scope: { deviceTypes: ['waterlogging-level'], divisions: [], departments: [], tags: [], devices: [] },
  property: null, condition: 'currentLevel > 0.15', clearCondition: 'currentLevel < 0.10', window: 'PT15M',
  aggregation: null, geofence: null, companion: null, eventName: null, ackWithin: null, title: '积水 {currentLevel} 米',
};

describe('problems next to their fields', () => {
  it('puts nested server fields on the editor field that holds them', () => {
    expect(fieldOf('scope.divisions')).toBe('divisions');
    expect(fieldOf('scope')).toBe('deviceTypes');
    expect(fieldOf('companion.condition')).toBe('extra');
    expect(fieldOf('aggregation.where')).toBe('extra');
    expect(fieldOf('geofence.area')).toBe('extra');
    expect(fieldOf('clearCondition')).toBe('clearCondition');
    expect(fieldOf('rule')).toBe('general');
    expect(fieldOf('from')).toBe('general');
    expect(fieldOf(undefined)).toBe('general');
  });

  it('groups check issues and problem errors by field, each message once, keeping the position', () => {
    const grouped = fieldMessages([
      { field: 'condition', message: '第 1 行第 14 列：unexpected >', line: 1, column: 14 },
      { field: 'condition', message: '第 1 行第 14 列：unexpected >', line: 1, column: 14 },
      { field: 'scope.divisions', message: '不是行政区划代码：12' },
      { field: 'window', message: '时间窗口须在 10 秒至 31 天之间。' },
    ]);
    expect(grouped.condition).toEqual([{ field: 'condition', message: '第 1 行第 14 列：unexpected >', line: 1, column: 14 }]);
    expect(grouped.divisions?.[0].message).toBe('不是行政区划代码：12');
    expect(grouped.window).toHaveLength(1);
    expect(grouped.general).toBeUndefined();
  });

  it('quotes the faulty line of a condition with a caret under the column', () => {
    const source = 'currentLevel > 0.1 &&\n  rate >> 2';
    expect(caret(source, { line: 2, column: 8 })).toEqual({ text: '  rate >> 2', marker: '       ^' });
    expect(caret(source, { line: 0, column: 0 })).toBeNull();
    expect(caret(source, { line: 5, column: 1 })).toBeNull();
    // A column past the end still points just after the text.
    expect(caret('a >', { line: 1, column: 40 })).toEqual({ text: 'a >', marker: '   ^' });
  });

  it('keeps the field errors of a refused request on the ApiError', async () => {
    const problem = {
      type: 'https://cityos/problems/invalid-input', title: '请求有误', detail: '请求有误',
      errors: [{ field: 'condition', message: '第 1 行第 14 列：unexpected' }],
    };
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(problem), {
      status: 400, headers: { 'Content-Type': 'application/problem+json' },
    })));
    const error = (await post('/api/alerting/rules', {}).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.fields).toEqual(problem.errors);
    expect(error.message).toContain('第 1 行第 14 列');
  });
});

describe('the form and the draft', () => {
  it('shows a template draft as people type it and sends it back as the API takes it', () => {
    const form = formFromDraft(waterlogging);
    expect(form.window).toBe('15m');
    expect(form.deviceTypes).toBe('waterlogging-level');
    form.devices = 'dev_a, dev_b，dev_c';
    const { draft, issues } = draftFromForm(form);
    expect(issues).toEqual([]);
    expect(draft.scope.devices).toEqual(['dev_a', 'dev_b', 'dev_c']);
    expect(draft.window).toBe('PT900S');
    expect(draft.clearCondition).toBe('currentLevel < 0.10');
    expect(draft.description).toBeNull();
  });

  it('says which field cannot be read instead of sending it', () => {
    const form = { ...emptyForm(), window: '15 minutes', extra: '{"aggregation": ' };
    const { issues } = draftFromForm(form);
    expect(issues.map((i) => i.field)).toEqual(['window', 'extra']);
    expect(issues[0].message).toContain('15m');
  });

  it('carries the kind-specific parts through the JSON field', () => {
    const form = { ...emptyForm(), kind: 'AGGREGATE' as const, extra: '{"aggregation": {"percentile": 95, "groupBy": "DIVISION", "where": null}}' };
    const { draft } = draftFromForm(form);
    expect(draft.aggregation).toEqual({ percentile: 95, groupBy: 'DIVISION', where: null });
    expect(draft.companion).toBeNull();
    expect(formFromDraft(draft).extra).toContain('"percentile": 95');
  });

  it('reads and writes durations both ways', () => {
    expect(parseDuration('1h30m')).toBe('PT5400S');
    expect(parseDuration('2d')).toBe('PT172800S');
    expect(parseDuration(' PT15M ')).toBe('PT15M');
    expect(parseDuration('')).toBeNull();
    expect(parseDuration('15 minutes')).toBeUndefined();
    expect(parseDuration('P')).toBeUndefined();
    expect(durationText('PT1H')).toBe('1h');
    expect(durationText('PT24H')).toBe('1d');
    expect(durationText('PT5400S')).toBe('1h30m');
    // Jackson may write a Duration as seconds.
    expect(durationText(900)).toBe('15m');
    expect(durationText(null)).toBe('');
  });
});

describe('the rule list', () => {
  it('sums a rule up in one line, in the page language', () => {
    expect(ruleSummary(waterlogging)).toBe('持续超限 · currentLevel > 0.15 · 窗口 15m');
    setLocale('en');
    expect(ruleSummary({ ...waterlogging, kind: 'THRESHOLD', window: null })).toBe('Threshold · currentLevel > 0.15');
  });

  it('names the scope, shortening long lists, and says when it covers the whole district', () => {
    expect(scopeSummary(waterlogging.scope)).toBe('类型 waterlogging-level；全区');
    const scope = { ...waterlogging.scope, devices: ['a', 'b', 'c', 'd', 'e'], divisions: ['110115001000'] };
    expect(scopeSummary(scope)).toBe('类型 waterlogging-level；设备 a、b、c +2；区划 110115001000');
  });

  it('asks the server for kind, state and words, and picks colours itself', () => {
    expect(ruleQuery({ kind: '', enabled: 'ALL', q: ' ', severities: [] })).toBe('/api/alerting/rules');
    expect(ruleQuery({ kind: 'AGGREGATE', enabled: 'OFF', q: '积水', severities: ['RED'] }))
      .toBe(`/api/alerting/rules?kind=AGGREGATE&enabled=false&q=${encodeURIComponent('积水')}`);
    const rule = (severity: RuleDraft['severity']) => ({ draft: { ...waterlogging, severity } }) as Rule;
    const rules = [rule('RED'), rule('BLUE'), rule('ORANGE')];
    expect(bySeverity(rules, ['RED', 'ORANGE']).map((r) => r.draft.severity)).toEqual(['RED', 'ORANGE']);
    expect(bySeverity(rules, [])).toHaveLength(3);
  });
});

describe('dry runs', () => {
  it('turns subjects into map points in lon/lat order, leaving out those with no place', () => {
    const fc = dryRunGeoJson({
      subjects: [
        { subject: 'dev_1', deviceId: 'dev_1', division: '110115001000', location: { lon: 116.34, lat: 39.73 }, alarms: 3, first: '', last: '' },
        { subject: 'dev_2', deviceId: 'dev_2', division: null, location: null, alarms: 1, first: '', last: '' },
      ],
    });
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0].geometry).toEqual({ type: 'Point', coordinates: [116.34, 39.73] });
    expect(fc.features[0].properties).toMatchObject({ deviceId: 'dev_1', alarms: 3 });
  });

  it('replays the hours asked for, up to a minute past now', () => {
    const now = Date.parse('2026-05-01T08:00:00Z');
    expect(dryRunPeriod(24, now)).toEqual({ from: '2026-04-30T08:00:00.000Z', to: '2026-05-01T08:01:00.000Z' });
  });
});
