import type { Assignment, Case } from './cases';
import { t } from './i18n';
import type { UnitChoice } from './units';

/**
 * 主办/协办: the lead unit of a case and its co-handlers with each one's part, read from the case's assignments.
 * The lead is the main assignment still active (or, once it is finished, the last one of the main unit); each
 * co-handler unit shows once, by its latest assignment (a unit added again after its reply has two).
 */
export function handlingParts(c: Pick<Case, 'assignments' | 'mainUnit'>): { lead: Assignment | null; co: Assignment[] } {
  const mains = c.assignments.filter((a) => a.role === 'MAIN');
  const lead = mains.find((a) => a.status === 'AWAITING_SIGN' || a.status === 'SIGNED')
    ?? [...mains].reverse().find((a) => a.unit === c.mainUnit)
    ?? null;
  const latest = new Map<string, Assignment>();
  for (const a of c.assignments) {
    if (a.role !== 'CO') continue;
    const seen = latest.get(a.unit);
    if (!seen || a.id > seen.id) latest.set(a.unit, a);
  }
  return { lead, co: [...latest.values()].sort((a, b) => a.id - b.id) };
}

/** A unit in words: its name when known, the operations centre as such (it is in no unit list), else its code. */
export function unitLabel(unit: string, names: Record<string, string>): string {
  return names[unit] ?? (unit.startsWith('centre:') ? t('units.centre') : unit);
}

/** Whether the user may add co-handlers: a unit of theirs holds the active main assignment of an open case. */
export function mayAddCoHandlers(c: Pick<Case, 'assignments' | 'status'>, permissions: readonly string[], units: ReadonlySet<string>): boolean {
  if (!permissions.includes('CASE_HANDLE') || !['DISPATCHED', 'SIGNED', 'IN_PROGRESS'].includes(c.status)) return false;
  return c.assignments.some((a) => a.role === 'MAIN' && (a.status === 'AWAITING_SIGN' || a.status === 'SIGNED') && units.has(a.unit));
}

/** The units that can still be added: not the lead, not a co-handler already working on it. */
export function coHandlerChoices(choices: readonly UnitChoice[], c: Pick<Case, 'assignments' | 'mainUnit'>): UnitChoice[] {
  const busy = new Set(c.assignments.filter((a) => a.status === 'AWAITING_SIGN' || a.status === 'SIGNED').map((a) => a.unit));
  if (c.mainUnit) busy.add(c.mainUnit);
  return choices.filter((u) => !busy.has(u.unit));
}
