import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cell } from './types';

// One formatter per language and style: building an Intl.NumberFormat costs far more than using
// one, and the dashboard formats several hundred cells (chart labels, screen-reader summaries).
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(language: string, style: 'decimal' | 'percent'): Intl.NumberFormat {
  const key = `${language}|${style}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { style });
    formatters.set(key, format);
  }
  return format;
}

/** A published count in the interface language's digits, or "<5" when it is hidden. */
export function useFormatCell(threshold: number) {
  const { t, i18n } = useTranslation('reporting');
  const language = i18n.language;
  return useCallback(
    (value: Cell | undefined): string =>
      value === null || value === undefined
        ? t('suppressed', { threshold })
        : numberFormat(language, 'decimal').format(value),
    [language, t, threshold],
  );
}

export function useFormatPercent() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (rate: number | null): string => (rate === null ? '—' : numberFormat(language, 'percent').format(rate)),
    [language],
  );
}

/** Label of a key the strings may not know (a nationality code, a stage): the key, readable. */
export function useKeyLabel() {
  const { t } = useTranslation('reporting');
  return useCallback(
    (group: string, key: string): string => {
      if (key === 'unknown') return t('unknownKey');
      if (key === 'other') return t('otherKey');
      return t(`${group}.${key}`, { defaultValue: key.replace(/_/g, ' ') });
    },
    [t],
  );
}
