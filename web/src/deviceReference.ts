import type { InjectionKey, Ref } from 'vue';
import type { DeviceType } from './devices';

/** What the device pages look codes up in: the type catalogue, the towns, the departments. */
export interface Reference {
  types: DeviceType[];
  towns: { code: string; name: string }[];
  departments: { code: string; name: string; shortName: string | null }[];
}

export const REFERENCE: InjectionKey<Ref<Reference>> = Symbol('device reference');

/** A division's name when known; inventory rows give towns as 12-digit codes. */
export function townName(ref: Reference, code: string): string {
  return ref.towns.find((d) => d.code === code)?.name ?? code;
}

/** A department's short name (or name) when known, else its code. */
export function departmentName(ref: Reference, code: string): string {
  const d = ref.departments.find((x) => x.code === code);
  return d ? d.shortName || d.name : code;
}
