import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { type ComponentType, createElement, type FunctionComponent, lazy } from 'react';
import { loadNamespaces } from '../i18n';

export interface LazyPage<P extends object = object> {
  Component: ComponentType<P>;
  /** Downloads the page's code and strings without drawing it (asked once; again after a failure). */
  preload: () => Promise<ComponentType<P>>;
  /** Runs the page's `onOpen` (once), for a signed-in user about to see it; the first draw does too. */
  open: (queryClient: QueryClient) => void;
}

/**
 * A page in its own chunk, drawn once both its code and its strings (the i18n namespaces it and
 * what it shows from other modules use, in the current language) have arrived: they download
 * side by side, and the page never shows untranslated keys. `onOpen` runs when the page is first
 * drawn, not on a preload (for example to start its data request once the session is known).
 *
 * Once preloaded, the page is drawn at once, without suspending: React shows a suspended page's
 * fallback for at least 300 ms, which held the dashboard opened from the address bar back by that
 * much although its code had arrived (measured with bench:dashboard).
 */
export function lazyPage<P extends object = object>(
  load: () => Promise<ComponentType<P>>,
  namespaces: readonly string[],
  onOpen?: (queryClient: QueryClient) => void,
): LazyPage<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  let loaded: ComponentType<P> | null = null;
  const preload = () => {
    if (!loading) {
      const started = Promise.all([load(), loadNamespaces(namespaces)]).then(([page]) => {
        loaded = page;
        return page;
      });
      // A failed download (a dropped connection) is tried again the next time.
      started.catch(() => {
        if (loading === started) loading = null;
      });
      loading = started;
    }
    return loading;
  };
  let opened = false;
  const open = (queryClient: QueryClient) => {
    if (opened) return;
    opened = true;
    onOpen?.(queryClient);
  };
  const Suspending = lazy(() => preload().then((page) => ({ default: page })));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per page when the routes module loads, never during a render
  function Component(props: P) {
    open(useQueryClient());
    // The strings of a language chosen since the preload are loaded by i18next's language change.
    return createElement((loaded ?? Suspending) as FunctionComponent<P>, props);
  }
  return { Component, preload, open };
}
