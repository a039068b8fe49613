import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Counts of people in the interface language's digits and separators. */
export function useFormatCount() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (value: number | null | undefined): string =>
      value === null || value === undefined ? '—' : new Intl.NumberFormat(language).format(value),
    [language],
  );
}

/** A site's figures as one phrase: "800–3,500" or "800". */
export function useFormatRange() {
  const count = useFormatCount();
  return useCallback(
    (low: number | null | undefined, high: number | null | undefined): string => {
      if (low === null || low === undefined) return count(high);
      if (high === null || high === undefined || high === low) return count(low);
      return `${count(low)}–${count(high)}`;
    },
    [count],
  );
}

/** YYYY-MM-DD dates shown in the interface language, read as calendar days (no time-zone shift). */
export function useFormatDay() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (day: string | null | undefined): string => {
      if (!day) return '—';
      const date = new Date(`${day}T00:00:00Z`);
      if (Number.isNaN(date.getTime())) return day;
      return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
    },
    [language],
  );
}

export function todayDay(): string {
  return new Date().toISOString().slice(0, 10);
}
