import { defineConfig } from 'vitest/config';

// Unit tests of state and formatting logic; localStorage and document come from happy-dom.
export default defineConfig({
  test: { environment: 'happy-dom', include: ['src/**/*.test.ts'] },
});
