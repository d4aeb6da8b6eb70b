import { formatCount, label, t } from './i18n';
import { formatTime } from './format';

/**
 * The audit trail as /api/audit answers it (AuditController): records newest first, the chain's verification, and
 * the export; and the little logic the audit page needs — the query, a record's outcome, the verification in words.
 */
export type ActorKind = 'USER' | 'API_KEY' | 'SYSTEM';

/** One record (the server's AuditRecord); personal data arrives masked and is shown as it comes. */
export interface AuditRecord {
  id: number;
  occurredAt: string;
  actorId: string;
  actorKind: ActorKind;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  divisionCode: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
  /** Null while the record waits for the chainer (seconds). */
  chainSeq: number | null;
  hash: string | null;
}

export type BreakReason =
  | 'RECORD_ALTERED' | 'LINK_BROKEN' | 'SEQUENCE_GAP' | 'CHECKPOINT_MISMATCH' | 'CHECKPOINT_SIGNATURE_INVALID';

/** GET /api/audit/verify (the server's ChainVerification). */
export interface ChainVerification {
  intact: boolean;
  recordsChecked: number;
  checkpointsChecked: number;
  firstBrokenSeq: number | null;
  firstBrokenRecordId: number | null;
  reason: BreakReason | null;
  suspectFromSeq: number | null;
  suspectToSeq: number | null;
  verifiedAt: string;
  unchainedRecords: number;
  lastCheckpointSeq: number | null;
}

/** The filters as the form holds them; times as the browser's datetime-local text (local time, to the minute). */
export interface AuditFilters {
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  from: string;
  to: string;
}

export const AUDIT_PAGE_SIZE = 20;

export function noAuditFilters(): AuditFilters {
  return { actorId: '', action: '', targetType: '', targetId: '', from: '', to: '' };
}

/** A datetime-local value as an ISO instant the server parses (OffsetDateTime); null for blank or unreadable text. */
export function localToInstant(local: string): string | null {
  if (!local.trim()) return null;
  const d = new Date(local.trim());
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/**
 * What the server would refuse in these filters, checked before asking: a time it cannot read, a start after the
 * end (the server's audit.validation.from-after-to). Null when the filters are sound.
 */
export function filterProblem(filters: AuditFilters): { field: 'from' | 'to'; key: 'audit.badTime' | 'audit.fromAfterTo' } | null {
  for (const field of ['from', 'to'] as const) {
    if (filters[field].trim() && localToInstant(filters[field]) == null) return { field, key: 'audit.badTime' };
  }
  const from = localToInstant(filters.from);
  const to = localToInstant(filters.to);
  if (from && to && Date.parse(from) > Date.parse(to)) return { field: 'from', key: 'audit.fromAfterTo' };
  return null;
}

/**
 * The list request: blank filters left out, text trimmed, times as instants ({@code from} inclusive, {@code to}
 * exclusive, as the server reads them), and the slice.
 */
export function auditQuery(filters: AuditFilters, offset = 0, limit = AUDIT_PAGE_SIZE): string {
  const params = new URLSearchParams();
  for (const key of ['actorId', 'action', 'targetType', 'targetId'] as const) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  for (const key of ['from', 'to'] as const) {
    const instant = localToInstant(filters[key]);
    if (instant) params.set(key, instant);
  }
  params.set('offset', String(Math.max(0, Math.floor(offset))));
  params.set('limit', String(limit));
  return `/api/audit/records?${params}`;
}

/** The first chain position to export: a whole number of at least 1 (the server refuses less). */
export function exportStart(fromSeq: number | null | undefined): number {
  return fromSeq != null && Number.isInteger(fromSeq) && fromSeq > 1 ? fromSeq : 1;
}

/**
 * The export's address, a plain link (GET, signed in by the session cookie, Content-Disposition: attachment): the
 * chain as NDJSON from position {@code fromSeq} — header, records, then the signed checkpoints.
 */
export function exportHref(fromSeq: number | null | undefined): string {
  return `/api/audit/export?fromSeq=${exportStart(fromSeq)}`;
}

/** The export's file name as the server names it, for the link's download attribute. */
export function exportFileName(fromSeq: number | null | undefined): string {
  return `audit-chain-from-${exportStart(fromSeq)}.ndjson`;
}

const FAILED = /(^|-)(failed|denied|refused|rejected|locked)$/;

/**
 * A record's outcome as a code with a label: the outcome its details name (a data-sharing decision's
 * APPROVED/REFUSED), else FAILED for actions that record a failure (identity.session.sign-in-failed,
 * identity.user.locked), else OK — the trail records what was done, so most entries succeeded.
 */
export function outcomeOf(r: Pick<AuditRecord, 'action' | 'details'>): string {
  const named = r.details?.outcome;
  if (typeof named === 'string' && named.trim()) return named.trim().toUpperCase();
  const last = r.action.slice(r.action.lastIndexOf('.') + 1);
  return FAILED.test(last) ? 'FAILED' : 'OK';
}

/** Whether an outcome reads as a failure or refusal (drawn in the warning colour). */
export function isAdverse(outcome: string): boolean {
  return ['FAILED', 'REFUSED', 'DENIED', 'REJECTED'].includes(outcome);
}

/** Who acted: the name the server gives (masked), else the id; CityOS itself and API keys say so. */
export function actorText(r: Pick<AuditRecord, 'actorId' | 'actorKind' | 'actorName'>): string {
  const name = r.actorName?.trim() || r.actorId;
  return r.actorKind === 'USER' ? name : `${name}${t('punct.aside', { text: label('actorKind', r.actorKind) })}`;
}

/** What was touched, as type and id ("user 0b7c…"); a dash when the action names nothing. */
export function targetText(r: Pick<AuditRecord, 'targetType' | 'targetId'>): string {
  const parts = [r.targetType, r.targetId].filter((p): p is string => !!p);
  return parts.length ? parts.join(' ') : '—';
}

/** The verification in words: a headline and the facts an auditor's report quotes, in the page's language. */
export function verifyReport(v: ChainVerification): { intact: boolean; headline: string; facts: { label: string; value: string }[] } {
  const facts: { label: string; value: string }[] = [];
  const seq = (n: number | null) => (n == null ? '—' : `#${n}`);
  if (!v.intact) {
    facts.push({ label: t('verify.reason'), value: label('breakReason', v.reason) });
    facts.push({
      label: t('verify.firstBroken'),
      value: v.firstBrokenRecordId == null
        ? seq(v.firstBrokenSeq)
        : `${seq(v.firstBrokenSeq)}${t('punct.aside', { text: t('verify.record', { id: v.firstBrokenRecordId }) })}`,
    });
    if (v.suspectFromSeq != null || v.suspectToSeq != null) {
      facts.push({ label: t('verify.suspect'), value: `${seq(v.suspectFromSeq)} – ${seq(v.suspectToSeq)}` });
    }
  }
  facts.push({ label: v.intact ? t('verify.records') : t('verify.recordsBefore'), value: formatCount(v.recordsChecked) });
  facts.push({ label: t('verify.checkpoints'), value: formatCount(v.checkpointsChecked) });
  facts.push({
    label: t('verify.lastCheckpoint'),
    value: v.lastCheckpointSeq == null ? t('verify.noCheckpoint') : seq(v.lastCheckpointSeq),
  });
  if (v.unchainedRecords > 0) facts.push({ label: t('verify.unchained'), value: formatCount(v.unchainedRecords) });
  facts.push({ label: t('verify.at'), value: formatTime(v.verifiedAt) });
  const headline = v.intact
    ? t('verify.intact', { n: formatCount(v.recordsChecked) })
    : t('verify.broken', { seq: seq(v.firstBrokenSeq) });
  return { intact: v.intact, headline, facts };
}
