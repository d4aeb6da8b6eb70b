import type { Me } from './api';

/** A case as /api/casework/cases/{id} answers it (the fields the workbench reads). */
export interface Case {
  id: string;
  number: string;
  channel: string;
  externalId: string | null;
  title: string;
  content: string | null;
  categoryCode: string | null;
  urgency: string;
  status: CaseStatus;
  place: { address: string | null; point: { lon: number; lat: number } | null; town: string | null; grid: string | null } | null;
  /** Masked for everyone ({@code 张*}, {@code 138****5678}); unmasked only through {@link callerPath}, audited. */
  caller?: Caller | null;
  mainUnit: string | null;
  deadlines: { responseDue: string | null; resolutionDue: string | null; responseOverdue: boolean; resolutionOverdue: boolean } | null;
  reply: string | null;
  supervisions: number;
  version: number;
  assignments: Assignment[];
  steps: CaseStep[];
  attachments: { id: string; stage: string; fileName: string; mediaType: string; at: string }[];
}

export interface Caller {
  name: string | null;
  phone: string | null;
  masked: boolean;
}

/** The audited read of a case's caller in full, for a follow-up call (CASE_CALLBACK only). */
export function callerPath(caseId: string): string {
  return `/api/casework/cases/${encodeURIComponent(caseId)}/caller`;
}

/** Whether to offer 显示号码: the user holds the callback permission and there is a masked caller to reveal. */
export function mayShowCaller(caller: Caller | null | undefined, permissions: readonly string[]): boolean {
  return permissions.includes('CASE_CALLBACK') && !!caller?.masked && !!(caller.phone || caller.name);
}

/** A caller in one line, or null when the case has none (a grid report, an alarm). */
export function callerText(caller: Caller | null | undefined): string | null {
  const text = [caller?.name, caller?.phone].filter(Boolean).join(' ');
  return text || null;
}

export interface Assignment {
  id: number;
  unit: string;
  role: 'MAIN' | 'CO';
  status: 'AWAITING_SIGN' | 'SIGNED' | 'PASSED_DOWN' | 'RETURNED' | 'REPLIED' | 'WITHDRAWN';
  responseDue: string | null;
  signedAt?: string | null;
  finishedAt?: string | null;
  /** A co-handler's reply to its part, once it has replied. */
  note?: string | null;
}

export interface CaseStep {
  seq: number;
  action: string;
  from: string | null;
  to: string | null;
  unit: string | null;
  toUnit: string | null;
  byName: string | null;
  note: string | null;
  at: string;
}

/** One line of /api/casework/inbox: a case waiting for one of the user's units. */
export interface InboxItem {
  caseId: string;
  number: string;
  title: string;
  categoryCode: string | null;
  urgency: string;
  status: CaseStatus;
  unit: string;
  role: 'MAIN' | 'CO';
  assignment: string;
  responseDue: string | null;
  resolutionDue: string | null;
  overdue: boolean;
  supervisions: number;
  version: number;
}

export type CaseStatus =
  | 'RECEIVED' | 'DISPATCHED' | 'SIGNED' | 'IN_PROGRESS' | 'REPLIED' | 'VERIFIED' | 'CLOSED' | 'SUSPENDED' | 'MERGED';

export type CaseActionName =
  | 'sign' | 'return' | 'passDown' | 'start' | 'reply' | 'extension' | 'appeal'
  | 'dispatch' | 'verify' | 'close' | 'supervise' | 'coHandlers';

/** The path of each action under /api/casework/cases/{id}/. */
export const ACTION_PATHS: Record<CaseActionName, string> = {
  sign: 'sign', return: 'return', passDown: 'pass-down', start: 'start', reply: 'reply', extension: 'extension',
  appeal: 'appeal', dispatch: 'dispatch', verify: 'verify', close: 'close', supervise: 'supervise',
  coHandlers: 'co-handlers',
};

/**
 * The units a user acts for, as the server reads them from roles and scope (casework's ActingUnits): the centre
 * for dispatchers, its departments, its towns / communities / grids by role, and the user as a named handler.
 * Division levels come from the code's shape: 9-digit towns, 12-digit communities, longer codes grids.
 */
export function actingUnits(me: Pick<Me, 'id' | 'roles' | 'divisions' | 'departments' | 'permissions'>): Set<string> {
  const units = new Set<string>();
  if (me.roles.includes('DEPARTMENT_HANDLER')) for (const d of me.departments ?? []) units.add(`dept:${d}`);
  for (const d of me.divisions) {
    const level = divisionLevel(d);
    if (me.roles.includes('TOWN_HANDLER') && level === 'TOWN') units.add(`town:${d}`);
    if (me.roles.includes('COMMUNITY_HANDLER') && level === 'COMMUNITY') units.add(`community:${d}`);
    if (me.roles.includes('GRID_WORKER') && level === 'GRID') units.add(`grid:${d}`);
  }
  units.add(`user:${me.id}`);
  return units;
}

/** The level of a division code: 12 digits ending 000000 is a district or above, ending 000 a town, … */
export function divisionLevel(code: string): 'DISTRICT' | 'TOWN' | 'COMMUNITY' | 'GRID' {
  if (code.length > 12) return 'GRID';
  if (code.endsWith('000000')) return 'DISTRICT';
  if (code.endsWith('000')) return 'TOWN';
  return 'COMMUNITY';
}

/**
 * The actions a user may take on a case now, mirroring the server's checks so that only usable buttons show:
 * the case's state, the permission, and for a unit's actions an assignment the user's units hold.
 */
export function actionsFor(c: Case, permissions: readonly string[], units: ReadonlySet<string>): CaseActionName[] {
  const has = (p: string) => permissions.includes(p);
  const mine = c.assignments.filter((a) => units.has(a.unit));
  const awaiting = mine.some((a) => a.status === 'AWAITING_SIGN');
  const mainSigned = mine.some((a) => a.role === 'MAIN' && a.status === 'SIGNED');
  const coSigned = mine.some((a) => a.role === 'CO' && a.status === 'SIGNED');
  const out: CaseActionName[] = [];
  const s = c.status;
  if (has('CASE_HANDLE')) {
    if (awaiting && ['DISPATCHED', 'SIGNED', 'IN_PROGRESS'].includes(s)) out.push('sign', 'return');
    // A grid or a named handler is the bottom: nothing lies below it to pass a case down to.
    const passable = mine.some((a) => a.role === 'MAIN' && a.status === 'SIGNED' && /^(dept|town|community):/.test(a.unit));
    if (passable && ['SIGNED', 'IN_PROGRESS'].includes(s)) out.push('passDown');
    if (mainSigned && s === 'SIGNED') out.push('start');
    if ((mainSigned || coSigned) && ['SIGNED', 'IN_PROGRESS'].includes(s)) out.push('reply');
    if (mainSigned && ['SIGNED', 'IN_PROGRESS'].includes(s)) out.push('extension');
    const heldMain = mine.some((a) => a.role === 'MAIN');
    if (heldMain && ['REPLIED', 'VERIFIED', 'CLOSED'].includes(s)) out.push('appeal');
  }
  if (has('CASE_DISPATCH') && (s === 'RECEIVED' || (s === 'DISPATCHED' && !c.assignments.some((a) => a.status === 'SIGNED')))) {
    out.push('dispatch');
  }
  if (has('CASE_VERIFY') && s === 'REPLIED') out.push('verify');
  if (has('CASE_VERIFY') && s === 'VERIFIED') out.push('close');
  if (has('CASE_SUPERVISE') && !['CLOSED', 'MERGED', 'RECEIVED'].includes(s)) out.push('supervise');
  return out;
}

/** Channels whose cases are verified on site with an after-photo and GPS rather than by a call. */
export function verifiedOnSite(channel: string): boolean {
  return channel === 'GRID' || channel === 'ALARM' || channel === 'EVENT';
}

/** A unit code in words: {@code dept:water} → the department's name when known, else 部门 water. */
export function unitName(unit: string | null, names: Record<string, string>): string {
  if (!unit) return '—';
  return names[unit] ?? unit;
}

/** One row of a case list: an inbox item, a case awaiting dispatch, an overdue case. */
export interface CaseRow {
  id: string;
  number: string;
  title: string;
  status: string;
  urgency?: string;
  unit?: string | null;
  due?: string | null;
  overdue?: boolean;
  version?: number;
}

/** The categories a case can take: those no other category names as its parent (the flat list has no leaf flag). */
export function leafCategories<T extends { code: string; parentCode: string | null }>(all: readonly T[]): T[] {
  const parents = new Set(all.map((c) => c.parentCode).filter((p): p is string => !!p));
  return all.filter((c) => !parents.has(c.code));
}
