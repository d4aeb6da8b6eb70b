import { locale } from './i18n';

/** A server instant as local date and time to the minute (the district works in one time zone). */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return d.toLocaleString(locale.value, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  });
}

/**
 * The time left until a deadline, in the largest two units (天/小时/分钟), and whether it has passed; null for no
 * deadline. Counting down is done by the caller re-rendering with a new {@code now}.
 */
export function countdown(
  due: string | null | undefined,
  now: number,
): { overdue: boolean; text: string } | null {
  if (!due) return null;
  const ms = new Date(due).getTime() - now;
  if (Number.isNaN(ms)) return null;
  return { overdue: ms < 0, text: duration(Math.abs(ms)) };
}

export function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const zh = locale.value === 'zh-CN';
  const unit = (n: number, z: string, e: string) => `${n}${zh ? z : e}`;
  if (days > 0) return `${unit(days, '天', 'd')}${zh ? '' : ' '}${unit(hours, '小时', 'h')}`;
  if (hours > 0) return `${unit(hours, '小时', 'h')}${zh ? '' : ' '}${unit(mins, '分钟', 'm')}`;
  if (minutes > 0) return unit(mins, '分钟', 'm');
  return zh ? '不到1分钟' : '<1m';
}

/**
 * Any JSON value as key/value lines for people, never as raw JSON: nested objects by dotted path
 * ({@code {brightness: {level: 80}}} → brightness.level 80), lists of plain values joined, a plain value alone
 * under an empty key. {@code list} joins list items (the page's language's comma).
 */
export function keyValues(value: unknown, list = ', '): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  const walk = (v: unknown, path: string) => {
    if (v === null || v === undefined) out.push({ key: path, value: '—' });
    else if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) out.push({ key: path, value: v.map(String).join(list) });
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i + 1}]`));
    else if (typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      if (!entries.length && path) out.push({ key: path, value: '—' });
      for (const [k, x] of entries) walk(x, path ? `${path}.${k}` : k);
    } else out.push({ key: path, value: String(v) });
  };
  walk(value, '');
  return out;
}
