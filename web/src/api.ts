import { reactive } from 'vue';
import { t } from './i18n';

/** Who is signed in, as /api/auth/me tells; the token also lives in an HttpOnly cookie for the event stream. */
export interface Me {
  id: string;
  name: string;
  roles: string[];
  divisions: string[];
  permissions: string[];
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
  ) {
    super(message);
  }
}

async function readable(response: Response): Promise<ApiError> {
  if (response.status === 401) return new ApiError(401, t('error.session'));
  let message = response.status === 403 ? t('error.denied') : t('error.generic', { n: response.status });
  try {
    const problem = await response.json();
    if (typeof problem?.detail === 'string' && problem.detail) message = problem.detail;
    else if (typeof problem?.title === 'string' && problem.title) message = problem.title;
  } catch {
    // Not a problem document: keep the generic wording.
  }
  return new ApiError(response.status, message);
}

export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json, application/geo+json');
  headers.set('Accept-Language', document.documentElement.lang || 'zh-CN');
  if (session.token) headers.set('Authorization', `Bearer ${session.token}`);
  if (init.body) headers.set('Content-Type', 'application/json');
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
