import { onMounted, onUnmounted } from 'vue';

/**
 * Live lists without a reload. Casework has no event stream for the browser (only the alarm console's
 * /api/alerting/stream exists), so the inbox and the dispatch desk ask again every {@link POLL_MS} while their tab
 * is visible, and at once when it becomes visible again.
 */
export const POLL_MS = 10_000;

/**
 * A list refreshed over an older one: the new rows, which of them the user has not seen yet ({@code fresh}, added
 * to those still unseen), and — so the user never loses their place — the selected row kept where it was even if it
 * has left the list (a case the user just replied to stays open beside the list until they choose another).
 */
export function mergeRefresh<T extends { id: string }>(
  previous: readonly T[],
  next: readonly T[],
  options: { selected?: string; unseen?: ReadonlySet<string>; first?: boolean } = {},
): { rows: T[]; fresh: Set<string> } {
  const before = new Set(previous.map((r) => r.id));
  const now = new Set(next.map((r) => r.id));
  const fresh = new Set<string>();
  // The first load is what the user opened, not news; afterwards anything not shown before is.
  if (!options.first) {
    for (const id of options.unseen ?? []) if (now.has(id)) fresh.add(id);
    for (const r of next) if (!before.has(r.id)) fresh.add(r.id);
  }
  const rows = [...next];
  const { selected } = options;
  if (selected && before.has(selected) && !now.has(selected)) {
    const at = previous.findIndex((r) => r.id === selected);
    rows.splice(Math.min(at, rows.length), 0, previous[at]);
  }
  if (selected) fresh.delete(selected);
  return { rows, fresh };
}

/** Whether a timer tick should ask the server: only for a tab the user can see. */
export function shouldPoll(doc: Pick<Document, 'visibilityState'>): boolean {
  return doc.visibilityState === 'visible';
}

/** Calls {@code refresh} every {@code ms} while the page is visible, and when it becomes visible; stopped on unmount. */
export function usePolling(refresh: () => unknown, ms = POLL_MS): void {
  let timer: number | undefined;
  const wake = () => {
    if (shouldPoll(document)) refresh();
  };
  onMounted(() => {
    timer = window.setInterval(wake, ms);
    document.addEventListener('visibilitychange', wake);
  });
  onUnmounted(() => {
    window.clearInterval(timer);
    document.removeEventListener('visibilitychange', wake);
  });
}

/** How often the cockpit's KPI cards ask again while visible: cases and devices have no browser stream. */
export const KPI_POLL_MS = 30_000;

/**
 * The JSON of a server-sent event, or null when its data is no JSON (a proxy's error page, a cut line): one bad
 * event must not throw out of the listener and stop the page's live updates.
 */
export function streamData<T = Record<string, unknown>>(event: Event): T | null {
  try {
    const data = JSON.parse(String((event as MessageEvent).data));
    return data && typeof data === 'object' ? (data as T) : null;
  } catch {
    return null;
  }
}

/** {@code fn} once after a burst of calls has been quiet for {@code ms}; {@code cancel} drops a pending call. */
export function debounce(fn: () => void, ms: number): { (): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const call = () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
  call.cancel = () => clearTimeout(timer);
  return call;
}
