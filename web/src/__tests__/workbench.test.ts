import { afterEach, describe, expect, it } from 'vitest';
import { alarmActions, alarmQuery, withRaised, type Alarm } from '../alarms';
import { problemMessage } from '../api';
import { actingUnits, actionsFor, callerPath, callerText, divisionLevel, leafCategories, mayShowCaller, type Case } from '../cases';
import { countdown, duration } from '../format';
import { label, setLocale } from '../i18n';
import { homeRoute, mayOpen, parseRoute, warmsMaps } from '../menu';

afterEach(() => setLocale('zh-CN'));

function aCase(part: Partial<Case>): Case {
  return {
    id: 'cas_1', number: 'C1', channel: 'ALARM', externalId: null, title: '积水', content: null, categoryCode: 'E0405',
    urgency: 'URGENT', status: 'DISPATCHED', place: null, mainUnit: 'dept:water', deadlines: null, reply: null,
    supervisions: 0, version: 3, assignments: [], steps: [], attachments: [], ...part,
  };
}

const WATER = { id: 'u1', roles: ['DEPARTMENT_HANDLER'], divisions: ['110115000000'], departments: ['water'], permissions: [] };
const HANDLER = ['CASE_READ', 'CASE_HANDLE'];
const OPERATOR = ['CASE_READ', 'CASE_DISPATCH', 'CASE_VERIFY', 'CASE_SUPERVISE'];

describe('actionsFor', () => {
  const units = actingUnits(WATER);

  it('offers sign and return to the unit a case waits for, and nothing to another unit', () => {
    const c = aCase({ assignments: [{ id: 1, unit: 'dept:water', role: 'MAIN', status: 'AWAITING_SIGN', responseDue: null }] });
    expect(actionsFor(c, HANDLER, units)).toEqual(['sign', 'return']);
    expect(actionsFor(c, HANDLER, new Set(['dept:urban-management']))).toEqual([]);
  });

  it('offers handling to the signed main unit, and reply only to a signed co-handler', () => {
    const signed = aCase({ status: 'SIGNED', assignments: [{ id: 1, unit: 'dept:water', role: 'MAIN', status: 'SIGNED', responseDue: null }] });
    expect(actionsFor(signed, HANDLER, units)).toEqual(['passDown', 'start', 'reply', 'extension']);
    const co = aCase({ status: 'IN_PROGRESS', assignments: [{ id: 2, unit: 'dept:water', role: 'CO', status: 'SIGNED', responseDue: null }] });
    expect(actionsFor(co, HANDLER, units)).toEqual(['reply']);
  });

  it('gives the centre dispatch, verify and close by state, and the handler an appeal after the reply', () => {
    expect(actionsFor(aCase({ status: 'RECEIVED' }), OPERATOR, new Set())).toEqual(['dispatch']);
    expect(actionsFor(aCase({ status: 'REPLIED' }), OPERATOR, new Set())).toEqual(['verify', 'supervise']);
    expect(actionsFor(aCase({ status: 'VERIFIED' }), OPERATOR, new Set())).toEqual(['close', 'supervise']);
    expect(actionsFor(aCase({ status: 'CLOSED' }), OPERATOR, new Set())).toEqual([]);
    const replied = aCase({ status: 'REPLIED', assignments: [{ id: 1, unit: 'dept:water', role: 'MAIN', status: 'REPLIED', responseDue: null }] });
    expect(actionsFor(replied, HANDLER, units)).toEqual(['appeal']);
  });
});

describe('leafCategories', () => {
  it('keeps the categories nobody names as parent', () => {
    const all = [
      { code: '01', parentCode: null }, { code: '0101', parentCode: '01' }, { code: 'E04', parentCode: null },
      { code: 'E0405', parentCode: 'E04' }, { code: 'H9', parentCode: null },
    ];
    expect(leafCategories(all).map((c) => c.code)).toEqual(['0101', 'E0405', 'H9']);
  });
});

describe('actingUnits', () => {
  it('reads departments, grids and the user as the server does', () => {
    expect([...actingUnits(WATER)]).toEqual(['dept:water', 'user:u1']);
    const worker = { id: 'u2', roles: ['GRID_WORKER'], divisions: ['110115001001001'], permissions: [] };
    expect([...actingUnits(worker)]).toEqual(['grid:110115001001001', 'user:u2']);
    expect(divisionLevel('110115001000')).toBe('TOWN');
    expect(divisionLevel('110115001001')).toBe('COMMUNITY');
  });
});

describe('countdown', () => {
  const now = Date.parse('2026-11-24T08:00:00Z');
  it('counts down in the two largest units and turns overdue after the deadline', () => {
    expect(countdown('2026-11-25T10:30:00Z', now)).toEqual({ overdue: false, text: '1天2小时' });
    expect(countdown('2026-11-24T07:15:00Z', now)).toEqual({ overdue: true, text: '45分钟' });
    expect(countdown(null, now)).toBeNull();
    setLocale('en');
    expect(duration(90 * 60_000)).toBe('1h 30m');
  });
});

describe('alarms', () => {
  it('asks for open alarms of the ticked colours', () => {
    expect(alarmQuery({ severities: ['RED', 'ORANGE'], status: 'OPEN' })).toBe(
      '/api/alerting/alarms?severity=RED%2CORANGE&status=RAISED%2CACKNOWLEDGED&limit=100',
    );
    expect(alarmQuery({ severities: [], status: 'ALL' })).toBe('/api/alerting/alarms?limit=100');
  });

  it('offers acknowledge once and clear while open, only to who may handle', () => {
    expect(alarmActions({ status: 'RAISED' }, true)).toEqual(['acknowledge', 'clear']);
    expect(alarmActions({ status: 'ACKNOWLEDGED' }, true)).toEqual(['clear']);
    expect(alarmActions({ status: 'CLEARED' }, true)).toEqual([]);
    expect(alarmActions({ status: 'RAISED' }, false)).toEqual([]);
  });
});

describe('withRaised', () => {
  const facts = { alarmId: 'alm_1', severity: 'ORANGE', title: '积水 0.35 米', raisedAt: '2026-11-24T08:00:00Z' } as Alarm['facts'];
  it('puts a streamed alarm on top at once when the filters show it, once', () => {
    const shown = withRaised([], facts, { severities: [], status: 'OPEN' });
    expect(shown.map((a) => [a.facts.alarmId, a.status, a.version])).toEqual([['alm_1', 'RAISED', -1]]);
    expect(withRaised(shown, facts, { severities: [], status: 'OPEN' })).toHaveLength(1);
    expect(withRaised([], facts, { severities: ['RED'], status: 'OPEN' })).toEqual([]);
    expect(withRaised([], facts, { severities: [], status: 'CLEARED' })).toEqual([]);
  });
});

describe('problemMessage', () => {
  it('reads the server’s words and field messages, never raw JSON', () => {
    expect(problemMessage({ title: '请求有误', detail: '案件当前状态不允许此操作', status: 409 })).toBe('案件当前状态不允许此操作');
    expect(problemMessage({ title: '请求有误', errors: [{ field: 'reason', message: '原因不能为空' }] })).toBe('请求有误；原因不能为空');
    expect(problemMessage('oops')).toBeNull();
    expect(problemMessage({})).toBeNull();
  });
});

describe('routes', () => {
  it('splits a hash route, lets users open only what they may, and lands grid workers on the phone page', () => {
    expect(parseRoute('#/case/cas_12')).toEqual({ page: 'case', param: 'cas_12' });
    expect(parseRoute('')).toEqual({ page: '', param: '' });
    expect(mayOpen('dispatch', ['CASE_DISPATCH'])).toBe(true);
    expect(mayOpen('dispatch', ['CASE_HANDLE'])).toBe(false);
    expect(mayOpen('device', ['DEVICE_READ'])).toBe(true);
    expect(homeRoute(['GRID_WORKER'], ['ALARM_READ', 'CASE_HANDLE', 'CASE_INTAKE'])).toBe('m');
    expect(homeRoute(['OPERATOR'], ['CASE_REPORT', 'ALARM_READ', 'CASE_INTAKE'])).toBe('cockpit');
  });

  it('starts the map worker early on desk pages and the sign-in page, never on the phone page', () => {
    expect(warmsMaps('')).toBe(true);
    expect(warmsMaps('#/cockpit')).toBe(true);
    expect(warmsMaps('#/map')).toBe(true);
    expect(warmsMaps('#/m')).toBe(false);
    expect(warmsMaps('#/m/')).toBe(false);
  });

  it('labels server codes in the current language, falling back to the code', () => {
    expect(label('caseStatus', 'REPLIED')).toBe('已反馈');
    expect(label('caseStatus', 'NEW_ONE')).toBe('NEW_ONE');
    setLocale('en');
    expect(label('caseAction', 'SIGNED')).toBe('Signed');
  });
});

describe('the caller', () => {
  const masked = { name: '王*', phone: '137****2222', masked: true };

  it('shows masked, with 显示号码 only for holders of the callback permission', () => {
    expect(callerText(masked)).toBe('王* 137****2222');
    expect(mayShowCaller(masked, ['CASE_READ', 'CASE_CALLBACK'])).toBe(true);
    expect(mayShowCaller(masked, ['CASE_READ', 'CASE_HANDLE'])).toBe(false);
  });

  it('offers nothing once unmasked or when the case has no caller', () => {
    expect(mayShowCaller({ name: '王五', phone: '13711112222', masked: false }, ['CASE_CALLBACK'])).toBe(false);
    expect(mayShowCaller(null, ['CASE_CALLBACK'])).toBe(false);
    expect(mayShowCaller({ name: null, phone: null, masked: true }, ['CASE_CALLBACK'])).toBe(false);
    expect(callerText(null)).toBeNull();
    expect(callerText({ name: null, phone: null, masked: true })).toBeNull();
  });

  it('is read in full through the audited endpoint', () => {
    expect(callerPath('cas_1')).toBe('/api/casework/cases/cas_1/caller');
  });
});
