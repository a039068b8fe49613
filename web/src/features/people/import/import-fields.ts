import type { TFunction } from 'i18next';
import type { ImportReport } from '../types';

/** The import's target fields (the server's IMPORT_FIELDS), repeated here so no server code is bundled. */
export const IMPORT_FIELDS = [
  'givenName',
  'familyName',
  'fathersName',
  'originalScriptName',
  'otherNames',
  'sex',
  'birthDate',
  'birthYear',
  'age',
  'ageEstimated',
  'nationality',
  'languages',
  'phone',
  'placeOfOrigin',
  'notes',
  'site',
  'specificNeeds',
  'consentBasis',
  'consentPurposes',
  'household',
  'relationship',
] as const;

/** A target in words: a registration field's own label, or the import's words for the others. */
export function targetLabel(target: string, t: TFunction): string {
  const [field = target, code] = target.split(':');
  if (code && field === 'specificNeeds') return t('people:import.needColumn', { code });
  if (code && field === 'consentPurposes')
    return t('people:import.purposeColumn', {
      purpose: t(`people:purposes.${code}`, { defaultValue: code }),
    });
  return (
    t(`people:import.targets.${field}`, { defaultValue: '' }) ||
    t(`people:fields.${field}`, { defaultValue: field })
  );
}

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The validation report as CSV (line, row, column, field, message), built in the browser. */
export function reportCsv(report: ImportReport): string {
  const rows = report.errors.map((e) => [String(e.line), String(e.row), e.column ?? '', e.field, e.message]);
  return [['line', 'row', 'column', 'field', 'message'], ...rows]
    .map((r) => r.map(quote).join(','))
    .join('\r\n');
}

export function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([`\uFEFF${text}`], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // The click has started the download; the object URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
