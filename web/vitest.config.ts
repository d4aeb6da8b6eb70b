import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// Unit tests of state and formatting logic, and a few page smoke tests; localStorage and document come from happy-dom.
export default defineConfig({
  plugins: [vue()],
  test: { environment: 'happy-dom', include: ['src/**/*.test.ts'] },
});
