import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** A legal (calendar) date in the interface language; noon UTC keeps the date on any device. */
export function useCalendarDate() {
  const { i18n } = useTranslation();
  return useCallback(
    (date: string | null | undefined) =>
      date
        ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
            new Date(`${date}T12:00:00Z`),
          )
        : '—',
    [i18n.language],
  );
}

/** Today as YYYY-MM-DD on this device. */
export function localToday(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Trimmed text, or undefined when empty (optional fields are left out of request bodies). */
export const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
