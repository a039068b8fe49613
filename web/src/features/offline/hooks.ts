import { useEffect, useState, useSyncExternalStore } from 'react';
import { enforceWipeRules, WIPED_KEY, type WipeReason } from './device';
import { getMeta } from './idb';
import type { DeviceMeta } from './types';
import { isUnlocked, readDevice, storeVersion, subscribe } from './vault';

export type StoreState =
  | { status: 'loading' }
  | { status: 'none'; wiped: WipeReason | null }
  | { status: 'locked' | 'unlocked'; device: DeviceMeta };

/** Re-renders whenever the offline store changes (a record written, a lock, a wipe). */
export function useStoreVersion(): number {
  return useSyncExternalStore(subscribe, storeVersion);
}

/** Whether this browser holds an offline store, and whether it is open; applies the wipe rules first. */
export function useStoreState(): StoreState {
  const version = useStoreVersion();
  const [state, setState] = useState<StoreState>({ status: 'loading' });
  const [wiped, setWiped] = useState<WipeReason | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void enforceWipeRules().then((reason) => {
      if (live) setWiped(reason);
    });
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (wiped === undefined) return;
    let live = true;
    void version;
    void (async () => {
      const device = await readDevice();
      const because = device ? null : (wiped ?? (await getMeta<WipeReason>(WIPED_KEY)) ?? null);
      if (!live) return;
      if (!device) setState({ status: 'none', wiped: because });
      else setState({ status: isUnlocked() ? 'unlocked' : 'locked', device });
    })();
    return () => {
      live = false;
    };
  }, [version, wiped]);
  return state;
}

/** Data read from the unlocked store, read again whenever the store changes. */
export function useVault<T>(load: () => Promise<T>, initial: T): T {
  const version = useStoreVersion();
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    let live = true;
    void version;
    if (!isUnlocked()) return;
    load()
      .then((next) => {
        if (live) setValue(next);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [version, load]);
  return value;
}

/** The browser's own idea of the connection, updated on its online/offline events. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (listener) => {
      window.addEventListener('online', listener);
      window.addEventListener('offline', listener);
      return () => {
        window.removeEventListener('online', listener);
        window.removeEventListener('offline', listener);
      };
    },
    () => navigator.onLine,
  );
}
