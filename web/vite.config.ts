import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bootScript } from './build/boot-script.ts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://localhost:3000';

export default defineConfig({
  root: webRoot,
  publicDir: 'public',
  plugins: [
    react(),
    // Opened from the address bar, the dashboard's chunks and strings download beside the entry and
    // its overview request leaves once /api/me has answered; /api/me leaves at once for every path.
    // The permission is the dashboard's menu entry's (app/navigation.ts).
    bootScript({
      '/reports': {
        modules: [{ module: 'src/features/reporting/ReportsPage.tsx' }],
        strings: {
          module: 'src/features/reporting/locales/{locale}.ts',
          locales: ['en', 'fr', 'ar'],
          // Where and how web/src/i18n/languages.ts keeps the device's language.
          storageKey: 'passerelle.locale',
          fallback: 'en',
        },
        request: {
          path: '/api/reports/overview',
          params: ['siteId', 'from', 'to', 'scope'],
          permission: 'reports.read',
        },
      },
    }),
  ],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // CSP is script-src 'self': no inline polyfill script.
    modulePreload: { polyfill: false },
    sourcemap: false,
    // The service worker precaches every file listed here (web/public/sw.js).
    manifest: 'shell-manifest.json',
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // Opened cold, a page waited for a dozen small shared chunks of the shell (six requests at a
        // time per connection limit, each costing the server more than its bytes) before its own.
        // Everything the entry imports statically is now in the entry chunk: the same bytes as
        // before, one request.
        codeSplitting: { groups: [{ name: 'shell', tags: ['$initial'] }] },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/info': { target: api, changeOrigin: false },
    },
  },
});
