import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldContribution } from './types';

/** A probability as a number of percent ("87"), in the interface language's digits. */
export function usePercentValue(): (probability: number) => string {
  const { i18n } = useTranslation();
  return useCallback(
    (probability: number) =>
      new Intl.NumberFormat(i18n.language, {
        maximumFractionDigits: probability < 0.01 ? 1 : 0,
      }).format(probability * 100),
    [i18n.language],
  );
}

/** "87 %" in the interface language's digits and conventions. */
export function usePercent(): (probability: number) => string {
  const { t } = useTranslation('matching');
  const value = usePercentValue();
  return useCallback((probability: number) => t('score', { score: value(probability) }), [t, value]);
}

/** A match weight with its sign ("+7.6", "−11.2"), in the interface language's digits. */
export function useWeight(): (weight: number) => string {
  const { i18n } = useTranslation();
  return useCallback(
    (weight: number) =>
      new Intl.NumberFormat(i18n.language, {
        signDisplay: 'exceptZero',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(weight),
    [i18n.language],
  );
}

/** Field and level of one contribution, in words. */
export function useContributionLabel(): (c: FieldContribution) => { field: string; level: string } {
  const { t } = useTranslation('matching');
  return useCallback(
    (c: FieldContribution) => ({
      field: t(`explain.fields.${c.field}`, { defaultValue: c.field }),
      level: t(`explain.levels.${c.level}`, { defaultValue: c.level }),
    }),
    [t],
  );
}

/** The probability a total match weight stands for (the engine's formula). */
export function probabilityOf(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}
