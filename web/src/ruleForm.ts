import type { Severity } from './alarms';
import { label, t } from './i18n';
import type { RuleDraft, RuleIssue, RuleKind, RuleScope } from './rules';

/**
 * The editor's fields as people type them: lists as comma-separated text, durations as "15m"/"1h"/"30s" (or
 * ISO-8601), and the kind-specific parts (aggregation, geofence, companion) as one JSON object.
 */
export interface RuleForm {
  name: string;
  description: string;
  kind: RuleKind;
  severity: Severity;
  deviceTypes: string;
  divisions: string;
  devices: string;
  tags: string;
  departments: string;
  property: string;
  condition: string;
  clearCondition: string;
  window: string;
  ackWithin: string;
  eventName: string;
  title: string;
  extra: string;
}

/** The editor's field names; every issue is shown next to one of them, or above the form when it has none. */
export type FormField = keyof RuleForm | 'general';

const UNITS: [string, number][] = [['d', 86_400], ['h', 3_600], ['m', 60], ['s', 1]];

/** Seconds of an ISO-8601 duration (PT1H30M, P1D) or of a number of seconds, as Jackson may write it; null if unreadable. */
export function durationSeconds(value: string | number | null | undefined): number | null {
  if (value == null || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(value.trim());
  if (!m || value.trim().toUpperCase() === 'P' || /T$/i.test(value.trim())) return null;
  const [, d, h, min, s] = m;
  return Number(d ?? 0) * 86_400 + Number(h ?? 0) * 3_600 + Number(min ?? 0) * 60 + Number(s ?? 0);
}

/** A duration as people write it: 15m, 1h, 1h30m, 2d; empty for none. */
export function durationText(value: string | number | null | undefined): string {
  let seconds = durationSeconds(value);
  if (seconds == null) return typeof value === 'string' ? value : '';
  if (seconds === 0) return '0s';
  let text = '';
  for (const [unit, size] of UNITS) {
    const n = Math.floor(seconds / size);
    if (n > 0) text += `${n}${unit}`;
    seconds -= n * size;
  }
  return text;
}

/**
 * The ISO-8601 duration of "15m", "1h30m", "2d", "45s" or an ISO text; null for empty input and undefined when
 * the text is no duration (the editor then says so next to the field instead of sending it).
 */
export function parseDuration(text: string): string | null | undefined {
  const s = text.trim().toLowerCase().replace(/\s+/g, '');
  if (!s) return null;
  if (s.startsWith('p')) return durationSeconds(s) == null ? undefined : s.toUpperCase();
  const parts = [...s.matchAll(/(\d+)([dhms])/g)];
  if (!parts.length || parts.map((p) => p[0]).join('') !== s) return undefined;
  let seconds = 0;
  for (const [, n, unit] of parts) seconds += Number(n) * UNITS.find(([u]) => u === unit)![1];
  return `PT${seconds}S`;
}

function list(text: string): string[] {
  return text.split(/[,，\s]+/).map((s) => s.trim()).filter(Boolean);
}

function orNull(text: string): string | null {
  return text.trim() ? text.trim() : null;
}

export function formFromDraft(d: RuleDraft): RuleForm {
  const extra: Record<string, unknown> = {};
  if (d.aggregation) extra.aggregation = d.aggregation;
  if (d.geofence) extra.geofence = d.geofence;
  if (d.companion) extra.companion = d.companion;
  const scope: Partial<RuleScope> = d.scope ?? {};
  return {
    name: d.name ?? '',
    description: d.description ?? '',
    kind: d.kind ?? 'THRESHOLD',
    severity: d.severity ?? 'YELLOW',
    deviceTypes: (scope.deviceTypes ?? []).join(', '),
    divisions: (scope.divisions ?? []).join(', '),
    devices: (scope.devices ?? []).join(', '),
    tags: (scope.tags ?? []).join(', '),
    departments: (scope.departments ?? []).join(', '),
    property: d.property ?? '',
    condition: d.condition ?? '',
    clearCondition: d.clearCondition ?? '',
    window: durationText(d.window),
    ackWithin: durationText(d.ackWithin),
    eventName: d.eventName ?? '',
    title: d.title ?? '',
    extra: Object.keys(extra).length ? JSON.stringify(extra, null, 2) : '',
  };
}

export function emptyForm(): RuleForm {
  return formFromDraft({
    name: '', description: null, kind: 'THRESHOLD', severity: 'YELLOW',
    scope: { deviceTypes: [], divisions: [], departments: [], tags: [], devices: [] },
    property: null, condition: null, clearCondition: null, window: null, aggregation: null, geofence: null,
    companion: null, eventName: null, ackWithin: null, title: null,
  });
}

/**
 * The draft the form stands for, and the faults found before asking the server: a duration or the JSON of the
 * kind-specific parts that cannot be read. The server checks everything else.
 */
export function draftFromForm(f: RuleForm): { draft: RuleDraft; issues: RuleIssue[] } {
  const issues: RuleIssue[] = [];
  const span = parseDuration(f.window);
  const ackWithin = parseDuration(f.ackWithin);
  if (span === undefined) issues.push({ field: 'window', message: t('rules.badDuration') });
  if (ackWithin === undefined) issues.push({ field: 'ackWithin', message: t('rules.badDuration') });
  let extra: Record<string, unknown> = {};
  if (f.extra.trim()) {
    try {
      const parsed = JSON.parse(f.extra);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      extra = parsed;
    } catch (e) {
      issues.push({ field: 'extra', message: t('rules.badJson', { reason: (e as Error).message }) });
    }
  }
  const draft: RuleDraft = {
    name: f.name.trim(),
    description: orNull(f.description),
    kind: f.kind,
    severity: f.severity,
    scope: {
      deviceTypes: list(f.deviceTypes), divisions: list(f.divisions), departments: list(f.departments),
      tags: list(f.tags), devices: list(f.devices),
    },
    property: orNull(f.property),
    condition: orNull(f.condition),
    clearCondition: orNull(f.clearCondition),
    window: span ?? null,
    aggregation: (extra.aggregation as RuleDraft['aggregation']) ?? null,
    geofence: (extra.geofence as RuleDraft['geofence']) ?? null,
    companion: (extra.companion as RuleDraft['companion']) ?? null,
    eventName: orNull(f.eventName),
    ackWithin: ackWithin ?? null,
    title: orNull(f.title),
  };
  return { draft, issues };
}

/** The form field a server issue belongs to: {@code scope.divisions} → divisions, {@code companion.condition} → extra. */
export function fieldOf(serverField: string | null | undefined): FormField {
  if (!serverField) return 'general';
  const [head, tail] = serverField.split('.');
  if (head === 'scope') return tail && ['deviceTypes', 'divisions', 'devices', 'tags', 'departments'].includes(tail) ? (tail as FormField) : 'deviceTypes';
  if (['aggregation', 'geofence', 'companion'].includes(head)) return 'extra';
  const direct: FormField[] = [
    'name', 'description', 'kind', 'severity', 'property', 'condition', 'clearCondition', 'window', 'ackWithin',
    'eventName', 'title',
  ];
  return direct.includes(head as FormField) ? (head as FormField) : 'general';
}

/** Issues grouped by the field they are shown next to, each message once, in the order they came. */
export function fieldMessages(issues: readonly RuleIssue[]): Partial<Record<FormField, RuleIssue[]>> {
  const out: Partial<Record<FormField, RuleIssue[]>> = {};
  for (const issue of issues) {
    const field = fieldOf(issue.field);
    const list_ = (out[field] ??= []);
    if (!list_.some((i) => i.message === issue.message)) list_.push(issue);
  }
  return out;
}

/**
 * The line of the condition an issue points at and a caret under its column (both 1-based), for a monospace block
 * under the field; null when the issue has no position or it lies outside the text.
 */
export function caret(source: string, issue: Pick<RuleIssue, 'line' | 'column'>): { text: string; marker: string } | null {
  if (!issue.line || !issue.column || issue.line < 1) return null;
  const text = source.split('\n')[issue.line - 1];
  if (text == null) return null;
  const col = Math.min(Math.max(issue.column, 1), text.length + 1);
  return { text, marker: `${' '.repeat(col - 1)}^` };
}

/** Where a rule looks, in words: its device types, devices, divisions and tags, or the whole district. */
export function scopeSummary(scope: Partial<RuleScope> | null | undefined): string {
  const parts: string[] = [];
  const add = (key: 'rules.types' | 'rules.devicesIn' | 'rules.divisionsIn' | 'rules.tagsIn', items?: string[]) => {
    if (items?.length) parts.push(`${t(key)} ${items.length > 3 ? `${items.slice(0, 3).join(t('punct.enum'))} +${items.length - 3}` : items.join(t('punct.enum'))}`);
  };
  add('rules.types', scope?.deviceTypes);
  add('rules.devicesIn', scope?.devices);
  add('rules.divisionsIn', scope?.divisions);
  add('rules.tagsIn', scope?.tags);
  if (!scope?.divisions?.length) parts.push(t('rules.districtWide'));
  return parts.join(t('punct.parts'));
}

/** A rule in one line: its kind, condition and window — what the list shows under the name. */
export function ruleSummary(d: Pick<RuleDraft, 'kind' | 'condition' | 'window' | 'property'>): string {
  const parts = [label('ruleKind', d.kind)];
  if (d.condition) parts.push(d.condition);
  else if (d.property) parts.push(d.property);
  const window = durationText(d.window);
  if (window) parts.push(t('rules.within', { w: window }));
  return parts.join(' · ');
}
