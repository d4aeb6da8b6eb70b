import { createApp } from 'vue';
import App from './App.vue';
import './style.css';
import './work.css';

createApp(App).mount('#app');
