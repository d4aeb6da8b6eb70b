import { describe, expect, it } from 'vitest';
import {
  decidableKinds, decisionPayload, grantedDays, groupApprovals, kindOf, requestedDays, type Approval,
} from '../approvals';
import type { Assignment, Case } from '../cases';
import { coHandlerChoices, handlingParts, mayAddCoHandlers, unitLabel } from '../cohandling';
import { mergeRefresh, shouldPoll } from '../live';
import { mayOpen, menuFor } from '../menu';

function approval(part: Partial<Approval>): Approval {
  return {
    id: 'apr_0000000000000001', kind: 'casework.extension', subject: 'cas_1', requestedBy: 'u1', requestedByName: '水务局',
    reason: '需要更换管道', payload: { workingDays: '5', unit: 'dept:water' }, steps: ['centre:110115000000'], currentStep: 0,
    status: 'PENDING', decisions: [], dueAt: '2026-11-30T09:00:00Z', requestedAt: '2026-11-24T09:00:00Z', version: 0, ...part,
  };
}

function decision(outcome: 'APPROVED' | 'NARROWED' | 'REFUSED', at: string, narrowedPayload: Record<string, string> | null = null) {
  return { step: 0, by: 'op', byName: '值班员', outcome, note: outcome === 'REFUSED' ? '理由不足' : null, narrowedPayload, at };
}

describe('approval list', () => {
  it('puts pending ones soonest due first and decided ones latest first', () => {
    const late = approval({ id: 'a', dueAt: '2026-12-05T00:00:00Z' });
    const soon = approval({ id: 'b', dueAt: '2026-11-26T00:00:00Z' });
    const none = approval({ id: 'c', dueAt: null });
    const old = approval({ id: 'd', status: 'REFUSED', decisions: [decision('REFUSED', '2026-11-20T00:00:00Z')] });
    const recent = approval({ id: 'e', status: 'APPROVED', decisions: [decision('APPROVED', '2026-11-24T10:00:00Z')] });
    const { pending, decided } = groupApprovals([late, old, none, soon, recent]);
    expect(pending.map((a) => a.id)).toEqual(['b', 'a', 'c']);
    expect(decided.map((a) => a.id)).toEqual(['e', 'd']);
  });

  it('counts an approval seen pending and then decided once, as decided', () => {
    const pending = approval({ version: 0 });
    const decided = approval({ version: 1, status: 'APPROVED', decisions: [decision('APPROVED', '2026-11-24T10:00:00Z')] });
    const groups = groupApprovals([decided, pending]);
    expect(groups.pending).toEqual([]);
    expect(groups.decided).toEqual([decided]);
    expect(groupApprovals([pending, decided]).decided).toEqual([decided]);
  });

  it('reads kinds, asked and granted days as the server encodes them', () => {
    expect(kindOf(approval({}))).toBe('extension');
    expect(kindOf(approval({ kind: 'casework.appeal' }))).toBe('appeal');
    expect(requestedDays(approval({}))).toBe(5);
    expect(requestedDays(approval({ kind: 'casework.appeal', payload: { unit: 'dept:water' } }))).toBeNull();
    expect(grantedDays(approval({ status: 'APPROVED' }))).toBe(5);
    const narrowed = approval({
      status: 'NARROWED', decisions: [decision('NARROWED', '2026-11-24T10:00:00Z', { workingDays: '2', unit: 'dept:water' })],
    });
    expect(grantedDays(narrowed)).toBe(2);
    expect(grantedDays(approval({ status: 'REFUSED' }))).toBeNull();
    expect(grantedDays(approval({}))).toBeNull();
  });

  it('offers extensions to dispatchers and appeals to supervisors, as the server decides them', () => {
    expect(decidableKinds(['CASE_DISPATCH', 'CASE_SUPERVISE'])).toEqual(['extension', 'appeal']);
    expect(decidableKinds(['CASE_SUPERVISE'])).toEqual(['appeal']);
    expect(decidableKinds(['CASE_HANDLE'])).toEqual([]);
    expect(menuFor(['CASE_SUPERVISE']).map((m) => m.route)).toContain('approvals');
    expect(mayOpen('approvals', ['CASE_HANDLE'])).toBe(false);
  });
});

describe('decision payload', () => {
  const a = approval({ version: 4 });

  it('approves as asked without days, and narrows with fewer', () => {
    expect(decisionPayload(a, { approve: true, days: 5, note: '' }))
      .toEqual({ ok: true, body: { approve: true, workingDays: null, note: null }, version: 4 });
    expect(decisionPayload(a, { approve: true, days: 3, note: ' 先批三天 ' }))
      .toEqual({ ok: true, body: { approve: true, workingDays: 3, note: '先批三天' }, version: 4 });
  });

  it('refuses only with a reason, and never grants more than asked', () => {
    expect(decisionPayload(a, { approve: false, days: null, note: '  ' })).toEqual({ ok: false, field: 'note' });
    expect(decisionPayload(a, { approve: false, days: null, note: '理由不足' }))
      .toEqual({ ok: true, body: { approve: false, workingDays: null, note: '理由不足' }, version: 4 });
    expect(decisionPayload(a, { approve: true, days: 6, note: '' })).toEqual({ ok: false, field: 'days', max: 5 });
    expect(decisionPayload(a, { approve: true, days: 0, note: '' })).toEqual({ ok: false, field: 'days', max: 5 });
  });

  it('sends no days for an appeal', () => {
    const appeal = approval({ kind: 'casework.appeal', payload: { unit: 'dept:water' }, version: 1 });
    expect(decisionPayload(appeal, { approve: true, days: 3, note: '' }))
      .toEqual({ ok: true, body: { approve: true, workingDays: null, note: null }, version: 1 });
  });
});

describe('live refresh', () => {
  const row = (id: string) => ({ id, title: id });

  it('marks nothing new on the first load, then what was not shown before', () => {
    const first = mergeRefresh([], [row('a'), row('b')], { first: true });
    expect([...first.fresh]).toEqual([]);
    const next = mergeRefresh(first.rows, [row('c'), row('a'), row('b')], { unseen: first.fresh });
    expect(next.rows.map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect([...next.fresh]).toEqual(['c']);
    // Still unseen on the next round; forgotten once it has left the list.
    expect([...mergeRefresh(next.rows, [row('c'), row('a')], { unseen: next.fresh }).fresh]).toEqual(['c']);
    expect([...mergeRefresh(next.rows, [row('a')], { unseen: next.fresh }).fresh]).toEqual([]);
  });

  it('keeps the chosen case where it was when it leaves the list, and never marks it new', () => {
    const before = [row('a'), row('b'), row('c')];
    const kept = mergeRefresh(before, [row('a'), row('c'), row('d')], { selected: 'b' });
    expect(kept.rows.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect([...kept.fresh]).toEqual(['d']);
    expect(mergeRefresh(before, [row('a')], { selected: 'x' }).rows.map((r) => r.id)).toEqual(['a']);
    expect([...mergeRefresh([row('a')], [row('a'), row('b')], { selected: 'b' }).fresh]).toEqual([]);
  });

  it('polls only a visible tab', () => {
    expect(shouldPoll({ visibilityState: 'visible' })).toBe(true);
    expect(shouldPoll({ visibilityState: 'hidden' })).toBe(false);
  });
});

describe('co-handling', () => {
  const as = (id: number, unit: string, role: 'MAIN' | 'CO', status: Assignment['status'], note: string | null = null): Assignment =>
    ({ id, unit, role, status, responseDue: null, note });
  const c = (assignments: Assignment[], status: Case['status'] = 'IN_PROGRESS') =>
    ({ assignments, status, mainUnit: 'dept:urban-management' });

  it('shows the active lead and each co-handler once, by its latest part', () => {
    const parts = handlingParts(c([
      as(1, 'town:110115001000', 'MAIN', 'PASSED_DOWN'),
      as(2, 'dept:urban-management', 'MAIN', 'SIGNED'),
      as(3, 'dept:water', 'CO', 'REPLIED', '已关闭阀门'),
      as(4, 'dept:traffic', 'CO', 'AWAITING_SIGN'),
      as(5, 'dept:water', 'CO', 'SIGNED'),
    ]));
    expect(parts.lead?.unit).toBe('dept:urban-management');
    expect(parts.co.map((a) => [a.unit, a.status])).toEqual([['dept:traffic', 'AWAITING_SIGN'], ['dept:water', 'SIGNED']]);
    const replied = handlingParts(c([as(2, 'dept:urban-management', 'MAIN', 'REPLIED'), as(3, 'dept:water', 'CO', 'REPLIED', '已关闭阀门')]));
    expect(replied.lead?.status).toBe('REPLIED');
    expect(replied.co[0].note).toBe('已关闭阀门');
    expect(handlingParts(c([])).lead).toBeNull();
  });

  it('lets only the unit holding the lead add co-handlers, while the case is open', () => {
    const held = c([as(2, 'dept:urban-management', 'MAIN', 'SIGNED'), as(3, 'dept:water', 'CO', 'SIGNED')]);
    const handler = ['CASE_READ', 'CASE_HANDLE'];
    expect(mayAddCoHandlers(held, handler, new Set(['dept:urban-management']))).toBe(true);
    expect(mayAddCoHandlers(held, handler, new Set(['dept:water']))).toBe(false);
    expect(mayAddCoHandlers(held, ['CASE_READ'], new Set(['dept:urban-management']))).toBe(false);
    expect(mayAddCoHandlers({ ...held, status: 'REPLIED' }, handler, new Set(['dept:urban-management']))).toBe(false);
  });

  it('names units, the centre included', () => {
    expect(unitLabel('dept:water', { 'dept:water': '区水务局' })).toBe('区水务局');
    expect(unitLabel('centre:110115000000', {})).toBe('指挥中心');
    expect(unitLabel('grid:110115001001001', {})).toBe('grid:110115001001001');
  });

  it('offers the units not already working on the case', () => {
    const held = c([as(2, 'dept:urban-management', 'MAIN', 'SIGNED'), as(3, 'dept:water', 'CO', 'SIGNED'), as(4, 'dept:traffic', 'CO', 'REPLIED')]);
    const choices = ['dept:urban-management', 'dept:water', 'dept:traffic', 'town:110115001000'].map((unit) => ({ unit, name: unit }));
    expect(coHandlerChoices(choices, held).map((u) => u.unit)).toEqual(['dept:traffic', 'town:110115001000']);
  });
});
