import { createApp } from 'vue';
import { prewarm } from 'maplibre-gl';
import App from './App.vue';
import { warmsMaps } from './menu';
import { onTabListKey } from './tablist';
import './style.css';
import './work.css';

createApp(App).mount('#app');
// Tab bars answer the arrow keys, Home and End (WAI-ARIA tabs), wherever a page has one.
document.addEventListener('keydown', onTabListKey);
// MapLibre's worker (which cuts GeoJSON into tiles) starts while the user signs in, not when the first map is built:
// in software rendering on two cores its start-up otherwise competes with the cockpit's first picture.
if (warmsMaps(location.hash)) prewarm();
