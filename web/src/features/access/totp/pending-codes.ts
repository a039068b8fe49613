import { useSyncExternalStore } from 'react';

/**
 * Recovery codes just issued, held in memory until the user says they saved them. The sign-in
 * gate keeps showing them even if /api/me already reports the second factor as enrolled.
 */
let codes: string[] | null = null;
const listeners = new Set<() => void>();

export function setPendingRecoveryCodes(next: string[] | null): void {
  codes = next;
  for (const listener of listeners) listener();
}

export function usePendingRecoveryCodes(): string[] | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => codes,
  );
}
