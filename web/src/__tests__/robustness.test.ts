import { afterEach, describe, expect, it } from 'vitest';
import { problemMessage } from '../api';
import { readKept } from '../devices';
import { keyValues } from '../format';
import { setLocale, t } from '../i18n';

afterEach(() => setLocale('zh-CN'));

const storage = (value: string | null) => ({ getItem: () => value });

describe('keyValues', () => {
  it('lists an object by dotted paths, lists of plain values joined, never as JSON', () => {
    expect(keyValues({ level: 80, mode: 'auto', schedule: { on: '18:00', days: ['Mon', 'Tue'] }, extra: null })).toEqual([
      { key: 'level', value: '80' },
      { key: 'mode', value: 'auto' },
      { key: 'schedule.on', value: '18:00' },
      { key: 'schedule.days', value: 'Mon, Tue' },
      { key: 'extra', value: '—' },
    ]);
  });

  it('numbers list items that are objects, and takes a plain value or nothing as they are', () => {
    expect(keyValues({ zones: [{ id: 1 }, { id: 2 }] }, '，')).toEqual([
      { key: 'zones[1].id', value: '1' },
      { key: 'zones[2].id', value: '2' },
    ]);
    expect(keyValues('on')).toEqual([{ key: '', value: 'on' }]);
    expect(keyValues({})).toEqual([]);
    expect(keyValues({ empty: {} })).toEqual([{ key: 'empty', value: '—' }]);
  });
});

describe('readKept', () => {
  it('reads back the registry’s filters, page and view', () => {
    const kept = readKept(storage(JSON.stringify({ filters: { type: 'streetlight', q: '路灯' }, offset: 40, view: 'map' })), 'k');
    expect(kept).toEqual({ filters: { type: 'streetlight', division: '', state: '', department: '', q: '路灯' }, offset: 40, view: 'map' });
  });

  it('falls back to the defaults for anything unreadable', () => {
    const defaults = { filters: { type: '', division: '', state: '', department: '', q: '' }, offset: 0, view: 'list' };
    expect(readKept(storage('{not json'), 'k')).toEqual(defaults);
    expect(readKept(storage('"text"'), 'k')).toEqual(defaults);
    expect(readKept(storage(JSON.stringify({ filters: { type: 3 }, offset: -5, view: 'globe' })), 'k')).toEqual(defaults);
    expect(readKept({ getItem: () => { throw new Error('disabled'); } }, 'k')).toEqual(defaults);
  });
});

describe('punctuation follows the language', () => {
  it('joins a problem’s messages with the page’s own separator', () => {
    const problem = { detail: '输入有误', errors: [{ field: 'a', message: 'A 必填' }] };
    expect(problemMessage(problem)).toBe('输入有误；A 必填');
    setLocale('en');
    expect(problemMessage({ detail: 'Invalid input', errors: [{ field: 'a', message: 'a is required' }] })).toBe('Invalid input; a is required');
    expect(t('punct.aside', { text: 'm' })).toBe(' (m)');
    expect(t('punct.list')).toBe(', ');
  });
});
