import type { CaseFilter } from '../types';

export interface SavedView {
  name: string;
  filter: CaseFilter;
}

const KEY = 'passerelle.cases.views';

/**
 * Saved caseload views live in this browser's storage: a filter holds no personal data, and a
 * caseworker's views are theirs on their device. Storage may be unavailable (private mode).
 */
export function readSavedViews(): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter(
          (v): v is SavedView =>
            typeof v === 'object' && v !== null && typeof v.name === 'string' && typeof v.filter === 'object',
        )
      : [];
  } catch {
    return [];
  }
}

export function writeSavedViews(views: SavedView[]): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(views));
  } catch {
    // Storage full or disabled: the views last for this page only.
  }
}
