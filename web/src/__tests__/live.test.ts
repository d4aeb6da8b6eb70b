import { afterEach, describe, expect, it, vi } from 'vitest';
import { debounce, KPI_POLL_MS, shouldPoll, streamData } from '../live';
import { setLocale, t } from '../i18n';

afterEach(() => {
  vi.useRealTimers();
  setLocale('zh-CN');
});

const event = (data: unknown) => new MessageEvent('alarm-raised', { data });

describe('streamData', () => {
  it('reads an event’s JSON', () => {
    expect(streamData(event('{"alarm":{"title":"积水"}}'))).toEqual({ alarm: { title: '积水' } });
  });

  it('answers null rather than throwing for data that is no JSON object', () => {
    expect(streamData(event('<html>502 Bad Gateway</html>'))).toBeNull();
    expect(streamData(event('{"alarm":'))).toBeNull();
    expect(streamData(event('42'))).toBeNull();
    expect(streamData(event('null'))).toBeNull();
  });
});

describe('the cockpit’s KPI refresh', () => {
  it('reloads once after a burst of alarm events', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const reload = debounce(fn, 500);
    for (let i = 0; i < 20; i++) reload();
    vi.advanceTimersByTime(499);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    reload();
    reload.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('polls on a modest timer, only while the tab is visible', () => {
    expect(KPI_POLL_MS).toBeGreaterThanOrEqual(30_000);
    expect(KPI_POLL_MS).toBeLessThanOrEqual(60_000);
    expect(shouldPoll({ visibilityState: 'visible' })).toBe(true);
    expect(shouldPoll({ visibilityState: 'hidden' })).toBe(false);
  });

  it('words the live alarm in the page’s language', () => {
    expect(t('live.alarm', { title: '积水' })).toBe('新告警：积水');
    setLocale('en');
    expect(t('live.alarm', { title: 'Flooding' })).toBe('New alarm: Flooding');
  });
});
