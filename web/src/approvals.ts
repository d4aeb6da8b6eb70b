/**
 * Extension requests (延期) and appeals (申诉) as the shared workflow engine answers them
 * (/api/casework/approvals, /api/casework/cases/{id}/approvals), and the little logic the approvals page and the
 * case detail need: grouping, what a decision sends, and what was asked and granted.
 */
export type ApprovalStatus = 'PENDING' | 'APPROVED' | 'NARROWED' | 'REFUSED' | 'EXPIRED' | 'WITHDRAWN';
export type ApprovalKind = 'extension' | 'appeal';

export interface ApprovalDecision {
  step: number;
  by: string;
  byName: string | null;
  outcome: 'APPROVED' | 'NARROWED' | 'REFUSED' | 'WITHDRAWN';
  note: string | null;
  narrowedPayload: Record<string, string> | null;
  at: string;
}

export interface Approval {
  id: string;
  kind: string;
  /** The case's id. */
  subject: string;
  requestedBy: string;
  requestedByName: string | null;
  reason: string | null;
  payload: Record<string, string>;
  steps: string[];
  currentStep: number;
  status: ApprovalStatus;
  decisions: ApprovalDecision[];
  dueAt: string | null;
  requestedAt: string;
  version: number;
}

/** The server's kind names (casework's CaseApprovals) and the query word that lists each. */
export const KINDS: Record<ApprovalKind, { server: string; permission: string }> = {
  extension: { server: 'casework.extension', permission: 'CASE_DISPATCH' },
  appeal: { server: 'casework.appeal', permission: 'CASE_SUPERVISE' },
};

export function kindOf(a: Pick<Approval, 'kind'>): ApprovalKind {
  return a.kind === KINDS.appeal.server ? 'appeal' : 'extension';
}

/** The kinds a user may decide: extensions need CASE_DISPATCH, appeals CASE_SUPERVISE (as the server checks). */
export function decidableKinds(permissions: readonly string[]): ApprovalKind[] {
  return (Object.keys(KINDS) as ApprovalKind[]).filter((k) => permissions.includes(KINDS[k].permission));
}

/** The working days an extension asked for; null for an appeal. */
export function requestedDays(a: Pick<Approval, 'payload'>): number | null {
  const days = Number(a.payload.workingDays);
  return Number.isInteger(days) && days > 0 ? days : null;
}

/** What was granted: the last narrowing's days, else the days as asked (the server's effectivePayload). */
export function grantedDays(a: Pick<Approval, 'payload' | 'decisions' | 'status'>): number | null {
  if (a.status !== 'APPROVED' && a.status !== 'NARROWED') return null;
  const narrowed = [...a.decisions].reverse().find((d) => d.outcome === 'NARROWED')?.narrowedPayload;
  return requestedDays({ payload: narrowed ?? a.payload });
}

/** When a decided approval was decided: its last decision, else its request (expired ones have none). */
export function decidedAt(a: Pick<Approval, 'decisions' | 'requestedAt'>): string {
  return a.decisions.length ? a.decisions[a.decisions.length - 1].at : a.requestedAt;
}

/**
 * Approvals split into those waiting (soonest due first, as a desk works them) and those decided (latest first);
 * an approval met twice — listed as pending, then seen decided on its case — counts once, in its newest version.
 */
export function groupApprovals(all: readonly Approval[]): { pending: Approval[]; decided: Approval[] } {
  const newest = new Map<string, Approval>();
  for (const a of all) {
    const seen = newest.get(a.id);
    if (!seen || a.version > seen.version) newest.set(a.id, a);
  }
  const list = [...newest.values()];
  const due = (a: Approval) => (a.dueAt ? Date.parse(a.dueAt) : Number.MAX_SAFE_INTEGER);
  return {
    pending: list.filter((a) => a.status === 'PENDING').sort((a, b) => due(a) - due(b) || a.requestedAt.localeCompare(b.requestedAt)),
    decided: list.filter((a) => a.status !== 'PENDING').sort((a, b) => decidedAt(b).localeCompare(decidedAt(a))),
  };
}

/** What the decide form holds. */
export interface DecisionDraft {
  approve: boolean;
  /** The days to grant, for an extension: fewer than asked narrows it. */
  days: number | null;
  note: string;
}

export type DecisionCheck =
  | { ok: true; body: { approve: boolean; workingDays: number | null; note: string | null }; version: number }
  | { ok: false; field: 'note' | 'days'; max?: number };

/**
 * The body of POST /api/casework/approvals/{id}/decide and its If-Match version, or the field the server would
 * refuse: a refusal needs its reason, a grant at most the days asked (fewer narrows it; the same sends none).
 */
export function decisionPayload(a: Approval, draft: DecisionDraft): DecisionCheck {
  const note = draft.note.trim();
  if (!draft.approve && !note) return { ok: false, field: 'note' };
  let workingDays: number | null = null;
  const asked = requestedDays(a);
  if (draft.approve && kindOf(a) === 'extension' && asked != null && draft.days != null) {
    if (!Number.isInteger(draft.days) || draft.days < 1 || draft.days > asked) return { ok: false, field: 'days', max: asked };
    if (draft.days < asked) workingDays = draft.days;
  }
  return { ok: true, body: { approve: draft.approve, workingDays, note: note || null }, version: a.version };
}
