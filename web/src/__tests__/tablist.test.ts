import { describe, expect, it } from 'vitest';
import { nextTab, onTabListKey } from '../tablist';

describe('tab bars by keyboard', () => {
  it('moves with the arrows, wrapping, and jumps with Home and End', () => {
    expect(nextTab(0, 3, 'ArrowRight')).toBe(1);
    expect(nextTab(2, 3, 'ArrowRight')).toBe(0);
    expect(nextTab(0, 3, 'ArrowLeft')).toBe(2);
    expect(nextTab(1, 3, 'ArrowUp')).toBe(0);
    expect(nextTab(1, 3, 'Home')).toBe(0);
    expect(nextTab(0, 3, 'End')).toBe(2);
    expect(nextTab(1, 3, 'Enter')).toBeNull();
    expect(nextTab(0, 0, 'ArrowRight')).toBeNull();
  });

  it('focuses and activates the tab reached, only inside a tab list', () => {
    document.body.innerHTML = `
      <div role="tablist"><button role="tab" id="a">A</button><button role="tab" id="b">B</button></div>
      <div><button role="tab" id="lone">C</button></div>`;
    const clicked: string[] = [];
    document.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => clicked.push(b.id)));
    const a = document.getElementById('a')!;
    const press = (el: HTMLElement, key: string) => {
      const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      el.dispatchEvent(e);
      return e;
    };
    document.addEventListener('keydown', onTabListKey);
    const e = press(a, 'ArrowRight');
    expect(clicked).toEqual(['b']);
    expect(document.activeElement?.id).toBe('b');
    expect(e.defaultPrevented).toBe(true);
    press(document.getElementById('lone')!, 'ArrowRight');
    expect(clicked).toEqual(['b']);
    document.removeEventListener('keydown', onTabListKey);
  });
});
