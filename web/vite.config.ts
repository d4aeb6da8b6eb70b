import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';
import type { Plugin as PostcssPlugin } from 'postcss';

/**
 * Every browser CityOS supports reads woff2, so the bundled font's woff fallbacks (2.5 times the size) are dropped
 * from its @font-face rules; {@link dropWoff} then removes the files Vite had already copied for them.
 */
const woff2Only: PostcssPlugin = {
  postcssPlugin: 'cityos-woff2-only',
  Declaration: {
    src(decl) {
      const sources = decl.value.split(/,\s*(?=url\()/);
      if (sources.length > 1) decl.value = sources.filter((s) => !/format\(['"]?woff['"]?\)/.test(s)).join(', ');
    },
  },
};

const dropWoff: Plugin = {
  name: 'cityos-drop-woff',
  generateBundle(_, bundle) {
    for (const name of Object.keys(bundle)) if (name.endsWith('.woff')) delete bundle[name];
  },
};

// The jar serves target/classes/static at "/", so Maven's package step picks the build up with no copy.
export default defineConfig({
  plugins: [vue(), dropWoff],
  css: { postcss: { plugins: [woff2Only] } },
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    // maplibre-gl and echarts are large by nature; splitting them keeps the sign-in page light.
    chunkSizeWarningLimit: 1500,
    // The server's Content-Security-Policy (default-src 'self') refuses data: fonts: every font piece stays a file.
    assetsInlineLimit: (file) => (/\.woff2?$/.test(file) ? false : undefined),
    rollupOptions: {
      output: {
        manualChunks: { maplibre: ['maplibre-gl'], echarts: ['echarts'] },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
