import { request } from './api';
import type { Case } from './cases';
import { t } from './i18n';
import type { UnitChoice } from './units';

/** A node of /api/divisions/tree. */
export interface DivisionNode {
  division: { code: string; level: string; name: string };
  childCount: number;
  children: DivisionNode[];
}

/** A named handler from /api/casework/handlers (name masked by the server). */
export interface HandlerChoice {
  unit: string;
  name: string;
  username: string;
}

const LEVELS: Record<string, number> = { centre: 0, dept: 1, town: 1, community: 2, grid: 3, user: 3 };

/**
 * Whether the server takes {@code lower} as a pass-down target of {@code holder} (casework's UnitDirectory.below):
 * a deeper level; a department only to a named handler; a place only to a place inside it, or to a named handler.
 */
export function mayPassTo(holder: string, lower: string): boolean {
  const [hk, hc] = split(holder);
  const [lk, lc] = split(lower);
  if (LEVELS[hk] == null || LEVELS[lk] == null || LEVELS[lk] <= LEVELS[hk]) return false;
  if (hk === 'dept') return lk === 'user';
  if (lk === 'user') return true;
  if (hk === 'user' || lk === 'dept') return false;
  return contains(hc, lc);
}

/** The unit the user passes a case down from: the signed main assignment one of their units holds. */
export function passDownHolder(c: Pick<Case, 'assignments'>, units: ReadonlySet<string>): string | null {
  return c.assignments.find((a) => a.role === 'MAIN' && a.status === 'SIGNED' && units.has(a.unit))?.unit ?? null;
}

/**
 * The pass-down picker's choices for a holder: the communities and grids inside it from the division tree (a grid
 * named with its community), then the named handlers; only those the server accepts, the holder itself never.
 */
export function passDownTargets(holder: string, tree: readonly DivisionNode[], handlers: readonly HandlerChoice[]): UnitChoice[] {
  const places: UnitChoice[] = [];
  const walk = (nodes: readonly DivisionNode[], parent: string | null) => {
    for (const n of nodes) {
      const kind = n.division.level === 'COMMUNITY' ? 'community' : n.division.level === 'GRID' ? 'grid' : null;
      const unit = kind ? `${kind}:${n.division.code}` : null;
      const name = parent && kind === 'grid' ? t('passDown.inside', { parent, name: n.division.name }) : n.division.name;
      if (unit && mayPassTo(holder, unit)) places.push({ unit, name, group: 'place' });
      walk(n.children ?? [], kind === 'community' ? n.division.name : parent);
    }
  };
  walk(tree, null);
  const people = handlers
    .filter((h) => mayPassTo(holder, h.unit))
    .map((h) => ({ unit: h.unit, name: t('passDown.handler', { name: h.name, username: h.username }), group: 'handler' as const }));
  return [...places, ...people];
}

/** Reads what a holder can pass down to: its subtree (towns two levels, communities one) and its named handlers. */
export async function passDownChoices(holder: string): Promise<UnitChoice[]> {
  const [kind, code] = split(holder);
  const depth = kind === 'town' ? 2 : kind === 'community' ? 1 : 0;
  const [tree, handlers] = await Promise.all([
    depth ? request<DivisionNode[]>(`/api/divisions/tree?root=${encodeURIComponent(code)}&depth=${depth}`) : Promise.resolve([]),
    request<HandlerChoice[]>(`/api/casework/handlers?unit=${encodeURIComponent(holder)}`),
  ]);
  return passDownTargets(holder, tree, handlers);
}

function split(unit: string): [string, string] {
  const i = unit.indexOf(':');
  return i < 0 ? ['', unit] : [unit.slice(0, i), unit.slice(i + 1)];
}

/** Division codes nest by prefix: a town ends 000, a community is 12 digits, a grid longer (casework's DivisionCode). */
function contains(outer: string, inner: string): boolean {
  if (outer === inner) return false;
  const prefix = outer.endsWith('000000') ? outer.slice(0, 6) : outer.endsWith('000') ? outer.slice(0, 9) : outer;
  return inner.startsWith(prefix);
}
