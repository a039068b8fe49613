/**
 * Registers the service worker (web/public/sw.js) that keeps the app shell for offline starts.
 * Only in a production build: Vite's dev server has no build manifest to precache.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js', { scope: '/' })
      .then(async (registration) => {
        // A worker installed by an earlier build refreshes the shell to this build's files.
        if (navigator.onLine)
          (registration.active ?? (await navigator.serviceWorker.ready).active)?.postMessage({
            type: 'refresh-shell',
          });
      })
      .catch((error: unknown) => console.error('service worker registration failed', error));
  });
}

/** Resolves once a service worker controls the page (the shell is cached by then). */
export async function serviceWorkerReady(): Promise<boolean> {
  if (!('serviceWorker' in navigator)) return false;
  await navigator.serviceWorker.ready;
  return true;
}
