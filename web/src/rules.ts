import { post, request } from './api';
import type { Severity } from './alarms';
import type { FeatureCollection } from './geo';

/** The rule kinds of /api/alerting (RuleKind), in the order the editor offers them. */
export const RULE_KINDS = [
  'THRESHOLD', 'DURATION', 'RATE_OF_CHANGE', 'NO_DATA', 'DEVICE_OFFLINE', 'AGGREGATE', 'GEOFENCE', 'COMPOSITE',
  'SCHEDULED', 'DEVICE_EVENT',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export interface RuleScope {
  deviceTypes: string[];
  divisions: string[];
  departments: string[];
  tags: string[];
  devices: string[];
}

/** A rule as its author writes it: the body of POST /api/alerting/rules, /rules/check and /rules/dry-run. */
export interface RuleDraft {
  name: string;
  description: string | null;
  kind: RuleKind;
  severity: Severity;
  scope: RuleScope;
  property: string | null;
  condition: string | null;
  clearCondition: string | null;
  /** ISO-8601 (PT15M); a server may also answer with seconds. */
  window: string | number | null;
  aggregation: { percentile: number | null; groupBy: string; where: string | null } | null;
  geofence: { area: unknown; trigger: string } | null;
  companion: { deviceType: string; radiusMetres: number; property: string | null; condition: string } | null;
  eventName: string | null;
  ackWithin: string | number | null;
  title: string | null;
}

export interface Rule {
  id: string;
  draft: RuleDraft;
  enabled: boolean;
  /** Why the engine switched the rule off at run time, or null. */
  failure: string | null;
  template: string | null;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface RuleTemplate {
  code: string;
  nameZh: string;
  nameEn: string;
  scenario: string;
  needs: string[];
  draft: RuleDraft;
}

/** One fault of a draft: from /rules/check (with a position for conditions) or a problem's field error. */
export interface RuleIssue {
  field: string;
  message: string;
  code?: string;
  line?: number;
  column?: number;
  reason?: string;
}

export interface RuleCheck {
  valid: boolean;
  issues: RuleIssue[];
}

export interface DryRunSubject {
  subject: string;
  deviceId: string | null;
  division: string | null;
  location: { lon: number; lat: number } | null;
  alarms: number;
  first: string;
  last: string;
}

export interface DryRunResult {
  from: string;
  to: string;
  readings: number;
  truncated: boolean;
  alarms: number;
  clears: number;
  subjects: DryRunSubject[];
  byDivision: Record<string, number>;
  byDay: Record<string, number>;
}

/** The list's filters: kind and on/off go to the server; colours are picked here (the API has no such filter). */
export interface RuleFilters {
  kind: '' | RuleKind;
  enabled: 'ALL' | 'ON' | 'OFF';
  q: string;
  severities: Severity[];
}

export function ruleQuery(filters: RuleFilters): string {
  const params = new URLSearchParams();
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.enabled !== 'ALL') params.set('enabled', String(filters.enabled === 'ON'));
  if (filters.q.trim()) params.set('q', filters.q.trim());
  const query = params.toString();
  return `/api/alerting/rules${query ? `?${query}` : ''}`;
}

export function bySeverity(rules: readonly Rule[], severities: readonly Severity[]): Rule[] {
  return severities.length ? rules.filter((r) => severities.includes(r.draft.severity)) : [...rules];
}

export function loadRules(filters: RuleFilters): Promise<Rule[]> {
  return request<Rule[]>(ruleQuery(filters));
}

export function loadTemplates(): Promise<RuleTemplate[]> {
  return request<RuleTemplate[]>('/api/alerting/templates');
}

export function checkDraft(draft: RuleDraft): Promise<RuleCheck> {
  return post<RuleCheck>('/api/alerting/rules/check', draft);
}

/**
 * Saves a draft: a template's through the template's enable call (so the rule remembers where it came from; the
 * server keeps the template's kind), a new one by POST, an existing one by PUT with its version in If-Match.
 */
export function saveDraft(draft: RuleDraft, target: { rule?: Rule; template?: string; enabled: boolean }): Promise<Rule> {
  if (target.rule) {
    return request<Rule>(`/api/alerting/rules/${target.rule.id}`, {
      method: 'PUT', body: JSON.stringify(draft), headers: { 'If-Match': `"${target.rule.version}"` },
    });
  }
  if (target.template) return post<Rule>(`/api/alerting/templates/${encodeURIComponent(target.template)}/enable`, draft);
  return post<Rule>(`/api/alerting/rules?enabled=${target.enabled}`, draft);
}

export function switchRule(rule: Rule, on: boolean): Promise<Rule> {
  return post<Rule>(`/api/alerting/rules/${rule.id}/${on ? 'enable' : 'disable'}`);
}

/** The period of a dry run: the last {@code hours} up to a minute past now, so just-sent readings count. */
export function dryRunPeriod(hours: number, now: number): { from: string; to: string } {
  return { from: new Date(now - hours * 3_600_000).toISOString(), to: new Date(now + 60_000).toISOString() };
}

export function dryRun(draft: RuleDraft, period: { from: string; to: string }): Promise<DryRunResult> {
  const query = new URLSearchParams(period);
  return post<DryRunResult>(`/api/alerting/rules/dry-run?${query}`, draft);
}

/** The would-be alarms as map points, one per subject with a known place, sized by how often it would have alarmed. */
export function dryRunGeoJson(result: Pick<DryRunResult, 'subjects'>): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: result.subjects
      .filter((s) => s.location && Number.isFinite(s.location.lon) && Number.isFinite(s.location.lat))
      .map((s) => ({
        type: 'Feature' as const,
        id: s.subject,
        geometry: { type: 'Point', coordinates: [s.location!.lon, s.location!.lat] },
        properties: { subject: s.subject, deviceId: s.deviceId, division: s.division, alarms: s.alarms },
      })),
  };
}
