import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryFigures } from './types';

/** Counts in the interface language's digits and separators. */
export function useFormatCount() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (value: number | null | undefined): string =>
      value === null || value === undefined ? '—' : new Intl.NumberFormat(language).format(value),
    [language],
  );
}

/** A share (0–1) as a percentage in the interface language; "—" when there is none. */
export function useFormatPercent() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (value: number | null | undefined): string =>
      value === null || value === undefined
        ? '—'
        : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value),
    [language],
  );
}

/** A category's name: the standard ones translated, a centre's own code shown as it is. */
export function useCategoryLabel() {
  const { t } = useTranslation('reception');
  return useCallback(
    (category: string) => t(`categories.${category}`, { defaultValue: category.replaceAll('_', ' ') }),
    [t],
  );
}

/** Share of usable places in use (occupied + reserved ÷ places − blocked). */
export function occupancyOf(f: Pick<CategoryFigures, 'capacity' | 'blocked' | 'occupied' | 'reserved'>) {
  const usable = f.capacity - f.blocked;
  if (usable <= 0) return f.occupied + f.reserved > 0 ? 1 : 0;
  return Math.min(1, (f.occupied + f.reserved) / usable);
}

/** Green while there is room, orange when nearly full, red when full. */
export function occupancyColour(share: number): string {
  if (share >= 1) return 'red';
  if (share >= 0.85) return 'orange';
  return 'teal';
}

/** A person's name for those who may read it, their card code otherwise. */
export const personName = (p: { givenName?: string; familyName?: string | null; code: string }) =>
  p.givenName ? [p.givenName, p.familyName].filter(Boolean).join(' ') : p.code;
