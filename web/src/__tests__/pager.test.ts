import { describe, expect, it } from 'vitest';
import { createApp, h, nextTick, ref } from 'vue';
import Pager from '../components/Pager.vue';
import { setLocale } from '../i18n';

describe('pager', () => {
  it('shows the page of the offset, moves a page either way and stops at the ends', async () => {
    setLocale('zh-CN');
    const offset = ref(0);
    const moves: number[] = [];
    const host = document.createElement('div');
    const app = createApp({
      render: () => h(Pager, { offset: offset.value, size: 20, total: 45, onMove: (d: number) => moves.push(d) }),
    });
    app.mount(host);
    const [prev, next] = Array.from(host.querySelectorAll('button'));
    expect(host.textContent).toContain('第 1 / 3 页');
    expect(prev.disabled).toBe(true);
    next.click();
    expect(moves).toEqual([1]);
    offset.value = 40;
    await nextTick();
    expect(host.textContent).toContain('第 3 / 3 页');
    expect(next.disabled).toBe(true);
    prev.click();
    expect(moves).toEqual([1, -1]);
    app.unmount();
  });
});
