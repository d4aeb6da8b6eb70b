import { createApp } from 'vue';
import { prewarm } from 'maplibre-gl';
import App from './App.vue';
import { warmsMaps } from './menu';
import './style.css';
import './work.css';

createApp(App).mount('#app');
// MapLibre's worker (which cuts GeoJSON into tiles) starts while the user signs in, not when the first map is built:
// in software rendering on two cores its start-up otherwise competes with the cockpit's first picture.
if (warmsMaps(location.hash)) prewarm();
