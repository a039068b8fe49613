import type { Locale } from '../api/types';

/** A feature's strings in every interface language; the English keys are the reference. */
export interface ModuleTranslations<T extends Record<string, unknown> = Record<string, unknown>> {
  en: T;
  fr: T;
  ar: T;
}

/**
 * How a feature's strings are loaded: one chunk per language, downloaded the first time a page
 * of the feature needs them in the user's language (never in the app's entry chunk).
 */
export type ModuleLoaders<T extends Record<string, unknown> = Record<string, unknown>> = Record<
  Locale,
  () => Promise<T>
>;
