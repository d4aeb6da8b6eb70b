/**
 * Users as /api/users answers them (identity's UserController, UserView) and the little logic the users page needs:
 * the list request, a user's state, who may do what, the registration body and the server's field errors by field.
 */

/** Roles and where they apply, as the API names them (ScopeRequest). */
export interface UserScope {
  roles: string[];
  divisions: string[];
  departments: string[];
  allDepartments: boolean;
}

/** A user as the list shows it; display name, phone and email arrive masked and are shown as they come. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  email: string | null;
  scope: UserScope;
  enabled: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  version: number;
  masked: boolean;
}

/** The server's roles (kernel Role), in the order the form offers them. */
export const ROLES = [
  'OPERATOR', 'DEPARTMENT_HANDLER', 'TOWN_HANDLER', 'COMMUNITY_HANDLER', 'GRID_WORKER', 'LEADER', 'DATA_STEWARD',
  'AUDITOR', 'SYSTEM_ADMIN',
] as const;

export const USERS_PAGE_SIZE = 20;

export function usersQuery(offset = 0, limit = USERS_PAGE_SIZE): string {
  return `/api/users?offset=${Math.max(0, Math.floor(offset))}&limit=${limit}`;
}

/** Whether a user is locked out now: a lock lasts until {@code lockedUntil}, then lifts by itself. */
export function isLocked(u: Pick<UserView, 'lockedUntil'>, now: number): boolean {
  if (!u.lockedUntil) return false;
  const until = Date.parse(u.lockedUntil);
  return !Number.isNaN(until) && until > now;
}

/** A user's state for the list: disabled wins over locked (a disabled user cannot sign in either way). */
export function userState(u: Pick<UserView, 'enabled' | 'lockedUntil'>, now: number): 'DISABLED' | 'LOCKED' | 'ENABLED' {
  if (!u.enabled) return 'DISABLED';
  return isLocked(u, now) ? 'LOCKED' : 'ENABLED';
}

/**
 * What the signed-in user may do on the users page: reading needs USER_READ, creating, resetting a password and
 * unlocking need USER_WRITE (as the server checks); unlocking is offered only for a user locked now.
 */
export function userActions(permissions: readonly string[]) {
  const write = permissions.includes('USER_WRITE');
  return {
    read: permissions.includes('USER_READ'),
    create: write,
    reset: write,
    unlock: (u: Pick<UserView, 'lockedUntil'>, now: number) => write && isLocked(u, now),
  };
}

/** The create form as people fill it: divisions typed as codes separated by spaces, commas or 、. */
export interface NewUserForm {
  username: string;
  displayName: string;
  phone: string;
  email: string;
  roles: string[];
  divisions: string;
  departments: string[];
  allDepartments: boolean;
}

export function emptyUserForm(): NewUserForm {
  return { username: '', displayName: '', phone: '', email: '', roles: [], divisions: '', departments: [], allDepartments: false };
}

/** Division codes from the typed text, in order, each once. */
export function divisionCodes(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；]+/).map((c) => c.trim()).filter(Boolean))];
}

/**
 * The body of POST /api/users: no password, so the server generates a one-time password and shows it once; blank
 * phone and email left out. The server checks every field and answers per field.
 */
export function registrationBody(form: NewUserForm) {
  return {
    username: form.username.trim(),
    displayName: form.displayName.trim(),
    phone: form.phone.trim() || null,
    email: form.email.trim() || null,
    scope: {
      roles: [...form.roles],
      divisions: divisionCodes(form.divisions),
      departments: form.allDepartments ? [] : [...form.departments],
      allDepartments: form.allDepartments,
    },
  };
}

export type UserField = 'username' | 'displayName' | 'phone' | 'email' | 'roles' | 'divisions' | 'departments' | 'general';

/** The form field a server error names: {@code divisions[2]} is the divisions field, {@code scope} the roles. */
export function userFieldOf(field: string): UserField {
  const base = field.replace(/\[\d+\]$/, '').replace(/^scope\./, '');
  if (base === 'scope') return 'roles';
  return (['username', 'displayName', 'phone', 'email', 'roles', 'divisions', 'departments'] as const).find((f) => f === base) ?? 'general';
}

/**
 * The server's refusal of a registration by form field, each message once. A 409 without fields is the one
 * conflict a registration has — the username is taken — so it lands by the username.
 */
export function registrationIssues(
  error: { status?: number; message: string; fields?: readonly { field: string; message: string }[] },
): Partial<Record<UserField, string[]>> {
  const out: Partial<Record<UserField, string[]>> = {};
  const add = (field: UserField, message: string) => {
    const list = (out[field] ??= []);
    if (!list.includes(message)) list.push(message);
  };
  const fields = error.fields ?? [];
  if (fields.length) for (const f of fields) add(userFieldOf(f.field), f.message);
  else add(error.status === 409 ? 'username' : 'general', error.message);
  return out;
}
