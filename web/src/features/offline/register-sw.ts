/**
 * Offline support at app start: registers the service worker (web/public/sw.js) that keeps the
 * app shell, and applies the offline store's wipe rules (too long without a sync; device revoked)
 * now and whenever the connection comes back — before anyone signs in or types a PIN. The store's
 * code (IndexedDB, Web Crypto) is a chunk of its own, not in the app's entry; the offline workspace
 * applies the same rules again before it opens the store (hooks.ts `useStoreState`).
 */
export function startOfflineSupport(): void {
  const guard = () =>
    void import('./device').then((device) => device.enforceWipeRules()).catch(() => undefined);
  guard();
  window.addEventListener('online', guard);
  // Only a production build has the build manifest the worker precaches.
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () =>
    navigator.serviceWorker
      .register('/sw.js', { scope: '/' })
      .then(async (registration) => {
        // A worker installed by an earlier build refreshes the shell to this build's files.
        if (!navigator.onLine) return;
        const worker = registration.active ?? (await navigator.serviceWorker.ready).active;
        worker?.postMessage({ type: 'refresh-shell' });
      })
      .catch((error: unknown) => console.error('service worker registration failed', error));
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}
