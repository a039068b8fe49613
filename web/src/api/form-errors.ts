import type { TFunction } from 'i18next';
import { ApiError } from './client';

/**
 * A message for the top of a form: the server's own words in English, a translation of the error
 * code in the other languages when one exists, and plain advice for network failures.
 */
export function errorMessage(error: unknown, t: TFunction, language: string, namespace = 'common'): string {
  if (!(error instanceof ApiError)) return t('common:states.networkBody');
  if (error.isNetwork) return t('common:states.networkBody');
  if (error.code === 'rate_limited')
    return language === 'en' ? error.message : t('common:states.rateLimited');
  if (error.code === 'overloaded') return t('common:states.overloaded');
  if (error.status >= 500) {
    return error.requestId
      ? t('common:states.serverBody', { requestId: error.requestId })
      : t('common:states.serverBodyNoRef');
  }
  const key = `${namespace}:errors.${error.code}`;
  if (language !== 'en' && t(key, { defaultValue: '' })) return t(key);
  return error.message;
}

/**
 * The form-level message, or null when every problem is already shown beside one of the form's
 * own fields (a 400 naming only `shownFields`).
 */
export function formAlert(
  error: unknown,
  shownFields: readonly string[],
  t: TFunction,
  language: string,
  namespace = 'common',
): string | null {
  if (!error) return null;
  if (error instanceof ApiError && error.code === 'validation_failed' && error.details.length > 0) {
    const allShown = error.details.every((detail) => shownFields.includes(detail.field?.split('.')[0] ?? ''));
    if (allShown) return null;
  }
  return errorMessage(error, t, language, namespace);
}

/** Field messages from a 400 answer, keyed by field path and by top-level field name. */
export function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldErrors : {};
}
