/**
 * Keyboard for tab bars (WAI-ARIA tabs pattern): inside a `role="tablist"`, ← → move to the previous or next tab
 * (wrapping), Home and End to the first and last; the tab reached is focused and activated.
 */
export function nextTab(index: number, count: number, key: string): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (index + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** Handles a key pressed in a tab list; listened for once on the document. */
export function onTabListKey(event: KeyboardEvent): void {
  const tab = (event.target as HTMLElement | null)?.closest?.('[role="tab"]') as HTMLElement | null;
  const list = tab?.closest('[role="tablist"]');
  if (!tab || !list) return;
  const tabs = Array.from(list.querySelectorAll<HTMLElement>('[role="tab"]'));
  const target = nextTab(tabs.indexOf(tab), tabs.length, event.key);
  if (target === null) return;
  event.preventDefault();
  tabs[target].focus();
  tabs[target].click();
}
