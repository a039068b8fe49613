import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { loadNamespaces } from '../i18n';

export interface LazyPage<P = object> {
  Component: LazyExoticComponent<ComponentType<P>>;
  /** Downloads the page's code and strings without drawing it (asked once; again after a failure). */
  preload: () => Promise<ComponentType<P>>;
  /** Runs the page's `onOpen` (once), for a signed-in user about to see it; the first draw does too. */
  open: () => void;
}

/**
 * A page in its own chunk, drawn once both its code and its strings (the i18n namespaces it and
 * what it shows from other modules use, in the current language) have arrived: they download
 * side by side, and the page never shows untranslated keys. `onOpen` runs when the page is first
 * drawn, not on a preload (for example to start its data request once the session is known).
 */
export function lazyPage<P = object>(
  load: () => Promise<ComponentType<P>>,
  namespaces: readonly string[],
  onOpen?: () => void,
): LazyPage<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    if (!loading) {
      const started = Promise.all([load(), loadNamespaces(namespaces)]).then(([page]) => page);
      // A failed download (a dropped connection) is tried again the next time.
      started.catch(() => {
        if (loading === started) loading = null;
      });
      loading = started;
    }
    return loading;
  };
  let opened = false;
  const open = () => {
    if (opened) return;
    opened = true;
    onOpen?.();
  };
  const Component = lazy(() => {
    open();
    return preload().then((page) => ({ default: page }));
  });
  return { Component, preload, open };
}
