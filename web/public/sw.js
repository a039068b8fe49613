/*
 * Passerelle's service worker (hand-written; see web/src/features/offline/README.md).
 *
 * It keeps the application shell — index.html and the hashed files Vite built — so the app opens
 * with no connection on a device where someone has signed in. It never stores API answers: /api
 * and /info requests pass straight to the network, and people's records live only in the
 * encrypted offline store.
 */
const SHELL_CACHE = 'passerelle-shell-v1';
const SHELL_URL = '/index.html';
const STATIC_FILES = ['/manifest.webmanifest', '/icon.svg', '/icon-maskable.svg'];

/** Every file of the build, from Vite's manifest, else from the links of the built index.html. */
async function shellFiles() {
  const files = new Set([SHELL_URL, ...STATIC_FILES]);
  try {
    const response = await fetch('/shell-manifest.json', { cache: 'no-store' });
    if (response.ok && (response.headers.get('content-type') ?? '').includes('json')) {
      const manifest = await response.json();
      for (const chunk of Object.values(manifest)) {
        if (chunk.file) files.add(`/${chunk.file}`);
        for (const css of chunk.css ?? []) files.add(`/${css}`);
        for (const asset of chunk.assets ?? []) files.add(`/${asset}`);
      }
    }
  } catch {
    // No manifest: the links of index.html below still give the entry files.
  }
  const index = await fetch(SHELL_URL, { cache: 'no-store' });
  if (!index.ok) throw new Error(`index.html answered ${index.status}`);
  const html = await index.text();
  for (const match of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) files.add(match[1]);
  return files;
}

/** Fetches what is missing, refreshes index.html, and drops assets of older builds. */
async function refreshShell() {
  const cache = await caches.open(SHELL_CACHE);
  const files = await shellFiles();
  const cached = new Set((await cache.keys()).map((request) => new URL(request.url).pathname));
  for (const file of files) {
    const isHashed = file.startsWith('/assets/');
    if (isHashed && cached.has(file)) continue;
    const response = await fetch(file, { cache: 'no-store' });
    if (response.ok) await cache.put(file, response);
  }
  for (const path of cached) {
    if (!files.has(path)) await cache.delete(path);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(refreshShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('passerelle-') && name !== SHELL_CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// The app asks for a refresh after each online start: a new build's files are fetched then.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'refresh-shell') event.waitUntil(refreshShell().catch(() => undefined));
});

const isApi = (path) =>
  path === '/api' || path.startsWith('/api/') || path === '/info' || path.startsWith('/info/');

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || isApi(url.pathname)) return;

  if (request.mode === 'navigate') {
    // The network first (a new build's shell); the cached shell when there is none.
    event.respondWith(
      fetch(request).catch(async () => {
        const cached = await caches.match(SHELL_URL, { cacheName: SHELL_CACHE });
        return cached ?? Response.error();
      }),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    // Hashed names never change: the cache first, then the network (kept for next time).
    event.respondWith(
      (async () => {
        const cache = await caches.open(SHELL_CACHE);
        const cached = await cache.match(url.pathname);
        if (cached) return cached;
        const response = await fetch(request);
        if (response.ok) await cache.put(url.pathname, response.clone());
        return response;
      })(),
    );
    return;
  }
  if (STATIC_FILES.includes(url.pathname)) {
    event.respondWith(
      fetch(request).catch(async () => (await caches.match(url.pathname)) ?? Response.error()),
    );
  }
});
