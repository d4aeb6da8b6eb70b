import { afterEach, describe, expect, it } from 'vitest';
import { actionsFor, type Case } from '../cases';
import { setLocale } from '../i18n';
import { mayPassTo, passDownHolder, passDownTargets, type DivisionNode, type HandlerChoice } from '../passdown';

afterEach(() => setLocale('zh-CN'));

const TOWN = '110115001000';

function node(code: string, level: string, name: string, children: DivisionNode[] = []): DivisionNode {
  return { division: { code, level, name }, childCount: children.length, children };
}

/** /api/divisions/tree?root=<town>&depth=2 answers the town with its communities and their grids. */
const TREE = [node(TOWN, 'TOWN', '西红门镇', [
  node('110115001001', 'COMMUNITY', '金星社区', [node('110115001001001', 'GRID', '第1网格'), node('110115001001002', 'GRID', '第2网格')]),
  node('110115001002', 'COMMUNITY', '瑞海社区'),
])];
const HANDLERS: HandlerChoice[] = [{ unit: 'user:7f1c0c8e-0000-4000-8000-000000000001', name: '张*', username: 'zhangsan' }];

describe('mayPassTo mirrors the server (UnitDirectory.below)', () => {
  it('lets a town pass to communities and grids inside it and to named handlers', () => {
    expect(mayPassTo(`town:${TOWN}`, 'community:110115001001')).toBe(true);
    expect(mayPassTo(`town:${TOWN}`, 'grid:110115001001001')).toBe(true);
    expect(mayPassTo(`town:${TOWN}`, 'user:abc')).toBe(true);
  });

  it('refuses places of another town, departments, towns and anything not deeper', () => {
    expect(mayPassTo(`town:${TOWN}`, 'community:110115002001')).toBe(false);
    expect(mayPassTo(`town:${TOWN}`, 'dept:water')).toBe(false);
    expect(mayPassTo(`town:${TOWN}`, 'town:110115002000')).toBe(false);
    expect(mayPassTo('community:110115001001', 'community:110115001002')).toBe(false);
    expect(mayPassTo('grid:110115001001001', 'user:abc')).toBe(false);
  });

  it('lets a department pass only to a named handler', () => {
    expect(mayPassTo('dept:water', 'user:abc')).toBe(true);
    expect(mayPassTo('dept:water', 'town:110115001000')).toBe(false);
    expect(mayPassTo('dept:water', 'grid:110115001001001')).toBe(false);
  });
});

describe('passDownTargets', () => {
  it('offers a town its communities, grids (named with their community) and handlers, never the town itself', () => {
    expect(passDownTargets(`town:${TOWN}`, TREE, HANDLERS)).toEqual([
      { unit: 'community:110115001001', name: '金星社区', group: 'place' },
      { unit: 'grid:110115001001001', name: '金星社区 / 第1网格', group: 'place' },
      { unit: 'grid:110115001001002', name: '金星社区 / 第2网格', group: 'place' },
      { unit: 'community:110115001002', name: '瑞海社区', group: 'place' },
      { unit: HANDLERS[0].unit, name: '张*（zhangsan）', group: 'handler' },
    ]);
  });

  it('offers a community only its own grids, and a department only its handlers', () => {
    const community = [TREE[0].children[0]];
    expect(passDownTargets('community:110115001001', community, []).map((u) => u.unit))
      .toEqual(['grid:110115001001001', 'grid:110115001001002']);
    expect(passDownTargets('dept:water', TREE, HANDLERS).map((u) => u.unit)).toEqual([HANDLERS[0].unit]);
  });

  it('words handlers in English too', () => {
    setLocale('en');
    expect(passDownTargets('dept:water', [], HANDLERS)[0].name).toBe('张* (zhangsan)');
  });
});

describe('who passes down', () => {
  const c = (unit: string, status: 'SIGNED' | 'AWAITING_SIGN'): Case => ({
    id: 'cas_1', number: 'C1', channel: 'HOTLINE', externalId: null, title: 't', content: null, categoryCode: null,
    urgency: 'ROUTINE', status: 'SIGNED', place: null, mainUnit: unit, deadlines: null, reply: null, supervisions: 0,
    version: 1, assignments: [{ id: 1, unit, role: 'MAIN', status, responseDue: null }], steps: [], attachments: [],
  });

  it('is the signed main assignment a unit of the user holds', () => {
    expect(passDownHolder(c(`town:${TOWN}`, 'SIGNED'), new Set([`town:${TOWN}`]))).toBe(`town:${TOWN}`);
    expect(passDownHolder(c(`town:${TOWN}`, 'AWAITING_SIGN'), new Set([`town:${TOWN}`]))).toBeNull();
    expect(passDownHolder(c(`town:${TOWN}`, 'SIGNED'), new Set(['dept:water']))).toBeNull();
  });

  it('offers no pass-down to a grid or a named handler, which have nothing below', () => {
    const handle = ['CASE_HANDLE'];
    expect(actionsFor(c('grid:110115001001001', 'SIGNED'), handle, new Set(['grid:110115001001001']))).not.toContain('passDown');
    expect(actionsFor(c('user:u1', 'SIGNED'), handle, new Set(['user:u1']))).not.toContain('passDown');
    expect(actionsFor(c('community:110115001001', 'SIGNED'), handle, new Set(['community:110115001001']))).toContain('passDown');
  });
});
