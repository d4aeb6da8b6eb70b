import type { InjectionKey } from 'vue';

/**
 * A page may hold its charts back until something more urgent stands (the cockpit: the map's first picture).
 * Provided as a promise; every chart under it creates its ECharts instance only once the promise settles, so the
 * canvases and their first drawing do not compete with the map for the main thread. Pages that provide nothing
 * draw their charts at once.
 */
export const CHARTS_AFTER: InjectionKey<Promise<void>> = Symbol('charts-after');
