import { request } from './api';

/** A unit a case can go to, with its name for the dispatch and pass-down pickers. */
export interface UnitChoice {
  unit: string;
  name: string;
  /** The pass-down picker groups places and named handlers. */
  group?: 'place' | 'handler';
}

let cached: Promise<UnitChoice[]> | undefined;

/** Departments and towns of the district, read once per page load (they change rarely). */
export function unitChoices(): Promise<UnitChoice[]> {
  cached ??= Promise.all([
    request<{ code: string; name: string }[]>('/api/departments').catch(() => []),
    request<{ items: { code: string; name: string }[] }>('/api/divisions?level=TOWN&limit=200').catch(() => ({ items: [] })),
  ]).then(([departments, towns]) => [
    ...departments.map((d) => ({ unit: `dept:${d.code}`, name: d.name })),
    ...towns.items.map((d) => ({ unit: `town:${d.code}`, name: d.name })),
  ]);
  cached.catch(() => (cached = undefined));
  return cached;
}

export function unitNames(choices: readonly UnitChoice[]): Record<string, string> {
  return Object.fromEntries(choices.map((c) => [c.unit, c.name]));
}

let categories: Promise<Record<string, string>> | undefined;

/** Category names by code (the flat tree, read once per page load), so cases show 城市积水 rather than E0405. */
export function categoryNames(): Promise<Record<string, string>> {
  categories ??= request<{ code: string; name: string; nameEn: string | null }[]>('/api/casework/categories?flat=true')
    .then((all) => Object.fromEntries(all.map((c) => [c.code, c.name])));
  categories.catch(() => (categories = undefined));
  return categories;
}
