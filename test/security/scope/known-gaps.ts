/**
 * Scope findings of this test that the owning module has not fixed yet, by route, each with what
 * it lets through. The scope test passes over them and fails as soon as one no longer
 * reproduces, so a fix removes its entry here; docs/security.md lists them as not met.
 */
export const KNOWN_GAPS: Record<string, string> = {
  'GET /api/audit':
    'a data protection officer of any organisation lists every organisation’s audit entries (ids and actions, no personal data): listAudit has no organisation filter',
  'GET /api/convoys':
    'a reception coordinator lists every organisation’s convoys: loadConvoys (reception/convoys.service.ts) has no organisation filter',
  'GET /api/convoys/:id/passengers':
    'another organisation’s convoy answers 200 with its passenger list (names and card codes of people outside the reader’s scope once relocations are scheduled on it)',
};
