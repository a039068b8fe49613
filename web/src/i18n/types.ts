/** A feature's strings in every interface language; the English keys are the reference. */
export interface ModuleTranslations<T extends Record<string, unknown> = Record<string, unknown>> {
  en: T;
  fr: T;
  ar: T;
}
