import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The jar serves target/classes/static at "/", so Maven's package step picks the build up with no copy.
export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    // maplibre-gl and echarts are large by nature; splitting them keeps the sign-in page light.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks: { maplibre: ['maplibre-gl'], echarts: ['echarts'] },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
