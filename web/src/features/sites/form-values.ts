/**
 * Form text to request values. Empty means "not given"; anything that is not a number is sent as
 * typed, so the server's 400 names the field and says what is wrong, in one place.
 */
export function numberOrRaw(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : trimmed;
}

export function textOrUndefined(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}
