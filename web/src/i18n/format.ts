import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

const STYLES: Record<'date' | 'datetime' | 'precise', Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  datetime: { dateStyle: 'medium', timeStyle: 'short' },
  precise: { dateStyle: 'short', timeStyle: 'medium' },
};

/** Dates in the interface language's conventions, in the device's time zone. */
export function useFormatDateTime() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (iso: string | null | undefined, style: 'date' | 'datetime' | 'precise' = 'datetime'): string => {
      if (!iso) return '—';
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      return new Intl.DateTimeFormat(language, STYLES[style]).format(date);
    },
    [language],
  );
}
