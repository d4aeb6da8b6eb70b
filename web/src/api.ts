import { reactive } from 'vue';
import { t } from './i18n';

/** Who is signed in, as /api/auth/me tells; the token also lives in an HttpOnly cookie for the event stream. */
export interface Me {
  id: string;
  name: string;
  roles: string[];
  divisions: string[];
  departments?: string[];
  permissions: string[];
}

/** Whether the signed-in user holds a permission: pages show only the buttons their user may use. */
export function may(permission: string): boolean {
  return session.me?.permissions.includes(permission) ?? false;
}

export const session = reactive<{ token: string | null; me: Me | null }>({
  token: sessionStorage.getItem('cityos.token'),
  me: null,
});

/** An API failure worded for people: the server's problem detail when it has one, never raw JSON. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The problem's per-field errors, for forms that show each next to its field. */
    readonly fields: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/**
 * The words of a problem+json body (RFC 9457, localised by the server from Accept-Language): its detail or title,
 * followed by each field's message; null when the body is no problem document.
 */
export function problemMessage(problem: unknown): string | null {
  if (!problem || typeof problem !== 'object') return null;
  const p = problem as { detail?: unknown; title?: unknown; errors?: unknown };
  const head = typeof p.detail === 'string' && p.detail ? p.detail : typeof p.title === 'string' && p.title ? p.title : null;
  const fields = Array.isArray(p.errors)
    ? p.errors.map((e) => (e && typeof e.message === 'string' ? e.message : null)).filter((m): m is string => !!m)
    : [];
  if (!head && fields.length === 0) return null;
  return [head, ...fields.filter((f) => f !== head)].filter(Boolean).join(t('punct.parts'));
}

async function readable(response: Response): Promise<ApiError> {
  if (response.status === 401) return new ApiError(401, t('error.session'));
  let message = response.status === 403 ? t('error.denied') : t('error.generic', { n: response.status });
  let fields: { field: string; message: string }[] = [];
  try {
    const body = await response.json();
    message = problemMessage(body) ?? message;
    fields = Array.isArray(body?.errors) ? body.errors.filter((e: unknown) => e && typeof e === 'object') : [];
  } catch {
    // Not a problem document: keep the generic wording.
  }
  return new ApiError(response.status, message, fields);
}

export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json, application/geo+json');
  headers.set('Accept-Language', document.documentElement.lang || 'zh-CN');
  if (session.token) headers.set('Authorization', `Bearer ${session.token}`);
  // FormData sets its own multipart boundary; everything else this client sends is JSON.
  if (init.body && !(init.body instanceof FormData)) headers.set('Content-Type', 'application/json');
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError(0, t('error.network'));
  }
  if (!response.ok) {
    const error = await readable(response);
    if (response.status === 401) signOutLocally();
    throw error;
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

/** A POST of a JSON body; {@code version} goes in If-Match so a stale page gets a 409 instead of overwriting. */
export function post<T>(path: string, body: unknown = {}, version?: number): Promise<T> {
  const headers: Record<string, string> = version == null ? {} : { 'If-Match': `"${version}"` };
  return request<T>(path, { method: 'POST', body: JSON.stringify(body ?? {}), headers });
}

/** Uploads one file as multipart form data. */
export function upload<T>(path: string, file: Blob, fileName: string): Promise<T> {
  const form = new FormData();
  form.append('file', file, fileName);
  return request<T>(path, { method: 'POST', body: form });
}

export async function signIn(username: string, password: string): Promise<void> {
  const result = await request<{ token: string }>('/api/auth/login', {
    method: 'POST',
    body: JSON.stringify({ username, password }),
  });
  session.token = result.token;
  sessionStorage.setItem('cityos.token', result.token);
  await loadMe();
}

export async function loadMe(): Promise<void> {
  session.me = await request<Me>('/api/auth/me');
}

export async function signOut(): Promise<void> {
  try {
    await request<void>('/api/auth/logout', { method: 'POST' });
  } finally {
    signOutLocally();
  }
}

function signOutLocally(): void {
  session.token = null;
  session.me = null;
  sessionStorage.removeItem('cityos.token');
}
