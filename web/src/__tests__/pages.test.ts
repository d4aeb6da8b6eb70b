import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, type Component } from 'vue';
import { session } from '../api';
import { setLocale } from '../i18n';
import AuditPage from '../pages/AuditPage.vue';
import UsersPage from '../pages/UsersPage.vue';

/** Smoke tests of the audit and users pages against a fake server: they render, act and show errors. */
type Answer = { status?: number; body?: unknown };
let routes: Record<string, Answer | ((init?: RequestInit) => Answer)> = {};
const asked: { url: string; method: string }[] = [];

function serve() {
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    asked.push({ url, method: init?.method ?? 'GET' });
    const key = Object.keys(routes).filter((k) => url.startsWith(k)).sort((a, b) => b.length - a.length)[0];
    const route = key ? routes[key] : { status: 404, body: { title: 'Not found' } };
    const answer = typeof route === 'function' ? route(init) : route;
    const status = answer.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(answer.body ?? {}), {
      status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  });
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

function mount(page: Component) {
  const host = document.createElement('div');
  document.body.append(host);
  const app = createApp(page);
  app.mount(host);
  return { host, unmount: () => { app.unmount(); host.remove(); } };
}

function signIn(permissions: string[]) {
  session.me = { id: 'me', name: '管理员', roles: [], divisions: [], permissions };
}

const userRow = (part: Record<string, unknown>) => ({
  id: 'u1', username: 'wang.li', displayName: '王*', phone: '138****5678', email: null,
  scope: { roles: ['TOWN_HANDLER'], divisions: ['110115001000'], departments: [], allDepartments: false },
  enabled: true, mustChangePassword: false, lockedUntil: null, lastLoginAt: null, version: 0, masked: true, ...part,
});

beforeEach(() => {
  asked.length = 0;
  routes = {
    '/api/departments': { body: [{ code: 'water', name: '区水务局' }] },
    '/api/divisions': { body: { items: [{ code: '110115001000', name: '黄村镇' }] } },
  };
  serve();
});
afterEach(() => {
  vi.unstubAllGlobals();
  session.me = null;
  setLocale('zh-CN');
});

describe('users page', () => {
  it('lists users with names of their places, and resets a password showing it once', async () => {
    signIn(['USER_READ', 'USER_WRITE']);
    routes['/api/users?'] = { body: { items: [userRow({ lockedUntil: '2999-01-01T00:00:00Z' })], total: 1, offset: 0, limit: 20 } };
    routes['/api/users/u1/reset-password'] = { body: { oneTimePassword: 'Xk7-pq2-Lm9' } };
    const { host, unmount } = mount(UsersPage);
    await settle();
    const row = host.querySelector('[data-user="u1"]')!;
    expect(row.getAttribute('data-state')).toBe('LOCKED');
    expect(row.textContent).toContain('黄村镇');
    expect(row.textContent).toContain('街镇处置人员');
    expect(row.querySelector('[data-action="unlock"]')).not.toBeNull();
    (row.querySelector('button[aria-controls="reset-u1"]') as HTMLButtonElement).click();
    await settle();
    (host.querySelector('[data-action="reset"]') as HTMLButtonElement).click();
    await settle();
    expect(asked.some((a) => a.url === '/api/users/u1/reset-password' && a.method === 'POST')).toBe(true);
    expect(host.querySelector('[data-testid="otp-value"]')?.textContent).toBe('Xk7-pq2-Lm9');
    expect(host.querySelector('[data-testid="one-time-password"] [role="alert"]')?.textContent).toContain('只显示这一次');
    (host.querySelector('[data-testid="one-time-password"] button:not(.primary)') as HTMLButtonElement).click();
    await settle();
    expect(host.querySelector('[data-testid="one-time-password"]')).toBeNull();
    unmount();
  });

  it('offers readers no actions', async () => {
    signIn(['USER_READ']);
    routes['/api/users?'] = { body: { items: [userRow({ lockedUntil: '2999-01-01T00:00:00Z' })], total: 1, offset: 0, limit: 20 } };
    const { host, unmount } = mount(UsersPage);
    await settle();
    expect(host.querySelector('[data-user="u1"]')).not.toBeNull();
    expect(host.querySelector('[data-testid="user-create"]')).toBeNull();
    expect(host.querySelector('[data-action="unlock"]')).toBeNull();
    unmount();
  });

  it('shows the server’s messages under the fields they name', async () => {
    signIn(['USER_READ', 'USER_WRITE']);
    routes['/api/users?'] = { body: { items: [], total: 0, offset: 0, limit: 20 } };
    routes['/api/users'] = {
      status: 400,
      body: { title: '输入有误', errors: [{ field: 'username', message: '用户名格式不对' }, { field: 'divisions[0]', message: '未知区划' }] },
    };
    const { host, unmount } = mount(UsersPage);
    await settle();
    (host.querySelector('[data-testid="user-create"]') as HTMLButtonElement).click();
    await settle();
    const form = host.querySelector('[data-testid="user-form"]') as HTMLFormElement;
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(host.querySelector('#user-username-error')?.textContent).toBe('用户名格式不对');
    expect(host.querySelector('#user-divisions-error')?.textContent).toBe('未知区划');
    expect(host.querySelector('#user-username')?.getAttribute('aria-invalid')).toBe('true');
    expect(host.querySelector('#user-username')?.getAttribute('aria-describedby')).toContain('user-username-error');
    unmount();
  });
});

describe('audit page', () => {
  it('lists records and verifies the chain in words', async () => {
    signIn(['AUDIT_READ', 'AUDIT_VERIFY']);
    routes['/api/audit/records'] = {
      body: {
        items: [{
          id: 7, occurredAt: '2026-11-25T00:00:00Z', actorId: 'u1', actorKind: 'USER', actorName: '王*', action: 'identity.session.sign-in-failed',
          targetType: 'user', targetId: 'u1', divisionCode: null, details: { failures: 2 }, requestId: null, chainSeq: 41, hash: 'ab',
        }],
        total: 1, offset: 0, limit: 20,
      },
    };
    routes['/api/audit/verify'] = {
      body: {
        intact: false, recordsChecked: 40, checkpointsChecked: 1, firstBrokenSeq: 41, firstBrokenRecordId: 7, reason: 'RECORD_ALTERED',
        suspectFromSeq: null, suspectToSeq: null, verifiedAt: '2026-11-25T00:00:00Z', unchainedRecords: 0, lastCheckpointSeq: 20,
      },
    };
    const { host, unmount } = mount(AuditPage);
    await settle();
    const row = host.querySelector('[data-record="7"]')!;
    expect(row.textContent).toContain('王*');
    expect(row.textContent).toContain('失败');
    expect(row.textContent).toContain('#41');
    expect(host.querySelector('[data-testid="audit-export"]')?.getAttribute('href')).toBe('/api/audit/export?fromSeq=1');
    (host.querySelector('[data-testid="verify-chain"]') as HTMLButtonElement).click();
    await settle();
    const result = host.querySelector('[data-testid="verify-result"]')!;
    expect(result.getAttribute('role')).toBe('alert');
    expect(result.textContent).toContain('第一个断点位于 #41');
    expect(result.textContent).toContain('记录内容被修改');
    unmount();
  });

  it('hides verification from readers, and says a refused search readably', async () => {
    signIn(['AUDIT_READ']);
    routes['/api/audit/records'] = { status: 400, body: { title: '输入有误', errors: [{ field: 'from', message: '时间格式不对' }] } };
    const { host, unmount } = mount(AuditPage);
    await settle();
    expect(host.querySelector('[data-testid="verify-chain"]')).toBeNull();
    expect(host.querySelector('.error[role="alert"]')?.textContent).toBe('输入有误；时间格式不对');
    unmount();
  });
});
