/**
 * Scope findings of this test that the owning module has not fixed yet, by route, each with what
 * it lets through. The scope test passes over them and fails as soon as one no longer
 * reproduces, so a fix removes its entry here; docs/security.md lists them as not met.
 */
export const KNOWN_GAPS: Record<string, string> = {};
