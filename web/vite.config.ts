import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://localhost:3000';

export default defineConfig({
  root: webRoot,
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // CSP is script-src 'self': no inline polyfill script.
    modulePreload: { polyfill: false },
    sourcemap: false,
    // The service worker precaches every file listed here (web/public/sw.js).
    manifest: 'shell-manifest.json',
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/info': { target: api, changeOrigin: false },
    },
  },
});
