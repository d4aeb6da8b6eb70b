import { afterEach, describe, expect, it } from 'vitest';
import { label, setLocale } from '../i18n';
import { homeRoute, mayOpen, menuFor } from '../menu';
import {
  divisionCodes, emptyUserForm, isLocked, registrationBody, registrationIssues, ROLES, userActions, userFieldOf, usersQuery,
  userState,
} from '../users';

afterEach(() => setLocale('zh-CN'));

const NOW = Date.parse('2026-11-25T08:00:00Z');
const AUDITOR = ['AUDIT_READ', 'AUDIT_VERIFY', 'EVENT_ADMIN', 'DIVISION_READ', 'DEPARTMENT_READ', 'USER_READ', 'CATALOG_READ'];

describe('users list', () => {
  it('asks for a page of users', () => {
    expect(usersQuery()).toBe('/api/users?offset=0&limit=20');
    expect(usersQuery(40)).toBe('/api/users?offset=40&limit=20');
    expect(usersQuery(-1)).toBe('/api/users?offset=0&limit=20');
  });

  it('reads a user as disabled, locked until a time still ahead, or active', () => {
    const user = { enabled: true, lockedUntil: null as string | null };
    expect(userState(user, NOW)).toBe('ENABLED');
    expect(userState({ ...user, lockedUntil: '2026-11-25T08:15:00Z' }, NOW)).toBe('LOCKED');
    expect(userState({ ...user, lockedUntil: '2026-11-25T07:45:00Z' }, NOW)).toBe('ENABLED');
    expect(userState({ enabled: false, lockedUntil: '2026-11-25T08:15:00Z' }, NOW)).toBe('DISABLED');
    expect(isLocked({ lockedUntil: 'garbage' }, NOW)).toBe(false);
    expect(label('userState', 'LOCKED')).toBe('已锁定');
  });
});

describe('who may do what', () => {
  it('lets readers list and writers act, unlocking only a locked user', () => {
    const reader = userActions(['USER_READ']);
    expect(reader).toMatchObject({ read: true, create: false, reset: false });
    expect(reader.unlock({ lockedUntil: '2026-11-25T09:00:00Z' }, NOW)).toBe(false);
    const writer = userActions(['USER_READ', 'USER_WRITE']);
    expect(writer).toMatchObject({ read: true, create: true, reset: true });
    expect(writer.unlock({ lockedUntil: '2026-11-25T09:00:00Z' }, NOW)).toBe(true);
    expect(writer.unlock({ lockedUntil: null }, NOW)).toBe(false);
    expect(userActions([]).read).toBe(false);
  });

  it('shows the audit log to auditors and the users page to user readers', () => {
    expect(menuFor(AUDITOR).map((m) => m.route)).toEqual(['audit', 'users', 'map']);
    expect(menuFor(['USER_READ']).map((m) => m.route)).toEqual(['users']);
    expect(menuFor(['USER_WRITE']).map((m) => m.route)).toEqual([]);
    expect(mayOpen('audit', ['AUDIT_READ'])).toBe(true);
    expect(mayOpen('audit', ['AUDIT_VERIFY'])).toBe(false);
    expect(mayOpen('users', ['USER_READ'])).toBe(true);
    expect(mayOpen('users', ['CASE_READ'])).toBe(false);
  });

  it('lands an auditor on the audit log, even one who also works a desk', () => {
    expect(homeRoute(['AUDITOR'], AUDITOR)).toBe('audit');
    expect(homeRoute(['AUDITOR', 'OPERATOR'], ['CASE_REPORT', 'ALARM_READ', ...AUDITOR])).toBe('audit');
    expect(homeRoute(['OPERATOR'], ['CASE_REPORT', 'ALARM_READ', 'USER_READ'])).toBe('cockpit');
    // A role without the page's permission is no reason to send someone there.
    expect(homeRoute(['AUDITOR'], ['DIVISION_READ'])).toBe('map');
  });
});

describe('creating a user', () => {
  it('reads division codes typed with any separator, each once', () => {
    expect(divisionCodes(' 110115001000, 110115002000、110115001000\n110115003000 ')).toEqual([
      '110115001000', '110115002000', '110115003000',
    ]);
    expect(divisionCodes('  ')).toEqual([]);
  });

  it('sends no password, so the server makes a one-time one, and leaves blank contacts out', () => {
    const body = registrationBody({
      ...emptyUserForm(), username: ' wang.li ', displayName: ' 王立 ', roles: ['TOWN_HANDLER'], divisions: '110115001000',
      departments: ['water'],
    });
    expect(body).toEqual({
      username: 'wang.li', displayName: '王立', phone: null, email: null,
      scope: { roles: ['TOWN_HANDLER'], divisions: ['110115001000'], departments: ['water'], allDepartments: false },
    });
    expect('password' in body).toBe(false);
    const all = registrationBody({ ...emptyUserForm(), departments: ['water'], allDepartments: true });
    expect(all.scope).toMatchObject({ departments: [], allDepartments: true });
  });

  it('puts the server’s messages next to the fields they name', () => {
    expect(userFieldOf('divisions[2]')).toBe('divisions');
    expect(userFieldOf('scope')).toBe('roles');
    expect(userFieldOf('password')).toBe('general');
    const issues = registrationIssues({
      status: 400, message: '输入有误',
      fields: [
        { field: 'username', message: '请使用 3–32 位小写字母' },
        { field: 'divisions[0]', message: '未知区划 1' },
        { field: 'divisions[1]', message: '未知区划 2' },
        { field: 'roles', message: '必填' },
        { field: 'roles', message: '必填' },
      ],
    });
    expect(issues).toEqual({ username: ['请使用 3–32 位小写字母'], divisions: ['未知区划 1', '未知区划 2'], roles: ['必填'] });
  });

  it('shows a taken username by the username, other refusals above the form', () => {
    expect(registrationIssues({ status: 409, message: '用户名“wang”已被占用。' })).toEqual({ username: ['用户名“wang”已被占用。'] });
    expect(registrationIssues({ status: 403, message: '没有权限' })).toEqual({ general: ['没有权限'] });
  });

  it('names every role in both languages', () => {
    for (const r of ROLES) expect(label('role', r)).not.toBe(r);
    setLocale('en');
    for (const r of ROLES) expect(label('role', r)).not.toBe(r);
    expect(label('role', 'GRID_WORKER')).toBe('Grid worker');
  });
});
