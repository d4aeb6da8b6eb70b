import { afterEach, describe, expect, it } from 'vitest';
import {
  actorText, auditQuery, exportFileName, exportHref, filterProblem, isAdverse, localToInstant, noAuditFilters, outcomeOf,
  targetText, verifyReport, type ChainVerification,
} from '../audit';
import { setLocale } from '../i18n';
import { auditEn } from '../texts/audit';
import { usersEn } from '../texts/users';

afterEach(() => setLocale('zh-CN'));

const params = (url: string) => Object.fromEntries(new URL(url, 'http://cityos').searchParams);

describe('audit query', () => {
  it('leaves blank filters out, trims text and asks for a page', () => {
    expect(auditQuery(noAuditFilters())).toBe('/api/audit/records?offset=0&limit=20');
    const url = auditQuery({ ...noAuditFilters(), action: ' identity.user ', actorId: 'u-1', targetType: 'user', targetId: ' ' }, 40);
    expect(url.startsWith('/api/audit/records?')).toBe(true);
    expect(params(url)).toEqual({ actorId: 'u-1', action: 'identity.user', targetType: 'user', offset: '40', limit: '20' });
  });

  it('sends times as instants the server parses, the end exclusive as typed', () => {
    const url = auditQuery({ ...noAuditFilters(), from: '2026-11-24T08:00', to: '2026-11-25T08:00' });
    expect(params(url).from).toBe(new Date('2026-11-24T08:00').toISOString());
    expect(params(url).to).toBe(new Date('2026-11-25T08:00').toISOString());
    expect(params(url).from).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(localToInstant('')).toBeNull();
    expect(localToInstant('yesterday-ish')).toBeNull();
    expect(params(auditQuery(noAuditFilters(), -5)).offset).toBe('0');
  });

  it('finds what the server would refuse before asking', () => {
    expect(filterProblem(noAuditFilters())).toBeNull();
    expect(filterProblem({ ...noAuditFilters(), from: '2026-11-25T08:00', to: '2026-11-24T08:00' }))
      .toEqual({ field: 'from', key: 'audit.fromAfterTo' });
    expect(filterProblem({ ...noAuditFilters(), to: 'not a time' })).toEqual({ field: 'to', key: 'audit.badTime' });
    expect(filterProblem({ ...noAuditFilters(), from: '2026-11-24T08:00', to: '2026-11-24T08:00' })).toBeNull();
  });

  it('exports from a whole position of at least 1, named as the server names the file', () => {
    expect(exportHref(1)).toBe('/api/audit/export?fromSeq=1');
    expect(exportHref(250)).toBe('/api/audit/export?fromSeq=250');
    expect(exportHref(0)).toBe('/api/audit/export?fromSeq=1');
    expect(exportHref(null)).toBe('/api/audit/export?fromSeq=1');
    expect(exportHref(2.5)).toBe('/api/audit/export?fromSeq=1');
    expect(exportFileName(250)).toBe('audit-chain-from-250.ndjson');
  });
});

describe('audit rows', () => {
  it('reads the outcome from the details, else from a failing action, else success', () => {
    expect(outcomeOf({ action: 'identity.user.register', details: {} })).toBe('OK');
    expect(outcomeOf({ action: 'identity.session.sign-in-failed', details: { failures: 2 } })).toBe('FAILED');
    expect(outcomeOf({ action: 'identity.user.locked', details: {} })).toBe('FAILED');
    expect(outcomeOf({ action: 'catalog.share.decide', details: { outcome: 'REFUSED' } })).toBe('REFUSED');
    expect(outcomeOf({ action: 'identity.user.unlock', details: {} })).toBe('OK');
    expect(isAdverse('REFUSED')).toBe(true);
    expect(isAdverse('APPROVED')).toBe(false);
  });

  it('names the actor as the server gives it, and says when it was no person', () => {
    expect(actorText({ actorId: 'u-1', actorKind: 'USER', actorName: '张*' })).toBe('张*');
    expect(actorText({ actorId: 'u-1', actorKind: 'USER', actorName: null })).toBe('u-1');
    expect(actorText({ actorId: 'system', actorKind: 'SYSTEM', actorName: 'CityOS' })).toBe('CityOS（系统）');
    setLocale('en');
    expect(actorText({ actorId: 'k-1', actorKind: 'API_KEY', actorName: 'gis-sync' })).toBe('gis-sync (API key)');
    expect(targetText({ targetType: 'user', targetId: 'u-9' })).toBe('user u-9');
    expect(targetText({ targetType: null, targetId: null })).toBe('—');
  });
});

const intact: ChainVerification = {
  intact: true, recordsChecked: 1204, checkpointsChecked: 12, firstBrokenSeq: null, firstBrokenRecordId: null, reason: null,
  suspectFromSeq: null, suspectToSeq: null, verifiedAt: '2026-11-25T00:00:00Z', unchainedRecords: 0, lastCheckpointSeq: 1200,
};
const broken: ChainVerification = {
  ...intact, intact: false, recordsChecked: 340, checkpointsChecked: 3, firstBrokenSeq: 341, firstBrokenRecordId: 360,
  reason: 'CHECKPOINT_MISMATCH', suspectFromSeq: 301, suspectToSeq: 400, unchainedRecords: 2, lastCheckpointSeq: 300,
};

describe('verification report', () => {
  it('says an intact chain is intact, with counts and the newest checkpoint', () => {
    const report = verifyReport(intact);
    expect(report.intact).toBe(true);
    expect(report.headline).toBe('审计链完整：已核验 1,204 条记录，未发现断点。');
    const facts = Object.fromEntries(report.facts.map((f) => [f.label, f.value]));
    expect(facts['已核验记录']).toBe('1,204');
    expect(facts['已核验签名检查点']).toBe('12');
    expect(facts['最新有效检查点']).toBe('#1200');
    expect(facts['等待上链的记录']).toBeUndefined();
    expect(facts['断裂原因']).toBeUndefined();
  });

  it('names the first break, its reason, the suspect range and what waits for the chainer', () => {
    setLocale('en');
    const report = verifyReport(broken);
    expect(report.intact).toBe(false);
    expect(report.headline).toContain('first break is at #341');
    const facts = Object.fromEntries(report.facts.map((f) => [f.label, f.value]));
    expect(facts['Reason']).toBe('A signed checkpoint no longer matches the chain (records rewritten and rehashed)');
    expect(facts['First break']).toBe('#341 (record 360)');
    expect(facts['Possibly rewritten']).toBe('#301 – #400');
    expect(facts['Intact records before the break']).toBe('340');
    expect(facts['Newest valid checkpoint']).toBe('#300');
    expect(facts['Records waiting to be chained']).toBe('2');
  });

  it('says when there is no checkpoint yet, and shows an unknown reason as its code', () => {
    const report = verifyReport({ ...broken, lastCheckpointSeq: null, firstBrokenRecordId: null, reason: 'NEW_KIND' as never });
    const facts = Object.fromEntries(report.facts.map((f) => [f.label, f.value]));
    expect(facts['最新有效检查点']).toBe('暂无');
    expect(facts['第一个断点']).toBe('#341');
    expect(facts['断裂原因']).toBe('NEW_KIND');
  });
});

describe('English words', () => {
  it('carry no Chinese punctuation', () => {
    const chinese = /[，。；：（）、“”‘’！？【】《》]/;
    for (const [key, text] of Object.entries({ ...auditEn, ...usersEn })) expect(`${key}: ${text}`).not.toMatch(chinese);
  });
});
