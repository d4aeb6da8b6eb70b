import { request } from './api';

/** An alarm as /api/alerting/alarms answers it (the fields the console reads). */
export interface Alarm {
  facts: {
    alarmId: string;
    ruleId: string;
    ruleName: string;
    template: string | null;
    severity: Severity;
    subject: string;
    deviceId: string | null;
    deviceType: string | null;
    division: string | null;
    location: { lon: number; lat: number } | null;
    title: string;
    detail: string | null;
    raisedAt: string;
    repeatCount: number;
  };
  status: AlarmStatus;
  lastSeenAt: string;
  acknowledgedBy: string | null;
  clearedAt: string | null;
  version: number;
  steps: { action: string; by: string | null; note: string | null; at: string }[];
}

export type Severity = 'RED' | 'ORANGE' | 'YELLOW' | 'BLUE';
export type AlarmStatus = 'RAISED' | 'ACKNOWLEDGED' | 'CLEARED' | 'RESOLVED';
export const ALARM_STATUSES: AlarmStatus[] = ['RAISED', 'ACKNOWLEDGED', 'CLEARED', 'RESOLVED'];

/** The console's filters: colours ticked (none = all) and a status choice, where OPEN means raised or acknowledged. */
export interface AlarmFilters {
  severities: Severity[];
  status: 'OPEN' | 'ALL' | AlarmStatus;
}

export function alarmQuery(filters: AlarmFilters, limit = 100): string {
  const params = new URLSearchParams();
  if (filters.severities.length) params.set('severity', filters.severities.join(','));
  if (filters.status === 'OPEN') params.set('status', 'RAISED,ACKNOWLEDGED');
  else if (filters.status !== 'ALL') params.set('status', filters.status);
  params.set('limit', String(limit));
  return `/api/alerting/alarms?${params}`;
}

/** Which buttons an alarm offers to a user who may handle alarms: acknowledge once, clear while open. */
export function alarmActions(alarm: Pick<Alarm, 'status'>, mayHandle: boolean): ('acknowledge' | 'clear')[] {
  if (!mayHandle) return [];
  if (alarm.status === 'RAISED') return ['acknowledge', 'clear'];
  if (alarm.status === 'ACKNOWLEDGED') return ['clear'];
  return [];
}

export function loadAlarms(filters: AlarmFilters): Promise<{ total: number; items: Alarm[] }> {
  return request(alarmQuery(filters));
}

/** The case an alarm became (casework keeps the alarm id as the case's external id), or null. */
export async function caseOfAlarm(alarmId: string): Promise<{ id: string; number: string; status: string } | null> {
  const page = await request<{ items: { id: string; number: string; status: string }[] }>(
    `/api/casework/cases?channel=ALARM&q=${encodeURIComponent(alarmId)}&limit=1`,
  );
  return page.items[0] ?? null;
}

/** Alarm event names on /api/alerting/stream. */
export const ALARM_EVENTS = ['alarm-raised', 'alarm-acknowledged', 'alarm-cleared', 'alarm-resolved', 'alarm-escalated'];

/**
 * The list with a just-raised alarm (the stream's facts) on top when the filters would show it, so it is visible
 * at once; the reload that follows brings its server state and version. Version -1 marks that placeholder.
 */
export function withRaised(list: readonly Alarm[], facts: Alarm['facts'], filters: AlarmFilters): Alarm[] {
  if (!facts?.alarmId || list.some((a) => a.facts.alarmId === facts.alarmId)) return [...list];
  if (filters.severities.length && !filters.severities.includes(facts.severity)) return [...list];
  if (!['OPEN', 'ALL', 'RAISED'].includes(filters.status)) return [...list];
  const placeholder: Alarm = {
    facts, status: 'RAISED', lastSeenAt: facts.raisedAt, acknowledgedBy: null, clearedAt: null, version: -1, steps: [],
  };
  return [placeholder, ...list];
}
