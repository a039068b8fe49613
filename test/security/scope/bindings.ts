/**
 * Which record each parametrised URL addresses. A route is bound by its longest matching root:
 * `/api/people/:id/family-links` is a person's route, so a new route under a known root is tested
 * with no change here. A route under a new root fails the scope test until its root is listed.
 */
const RECORD_ROOTS: Record<string, string> = {
  '/api/people/:id': 'person',
  '/api/reception/preferences/:id': 'person',
  '/api/households/:id': 'household',
  '/api/cases/:id': 'case',
  '/api/referrals/:id': 'referral',
  '/api/alerts/:id': 'alert',
  '/api/counselling-sessions/:id': 'counselling',
  '/api/tracing-requests/:id': 'tracing',
  '/api/reunification-cases/:id': 'reunification',
  '/api/relocations/:id': 'relocation',
  '/api/convoys/:id': 'convoy',
  '/api/placement/plans/:id': 'plan',
  '/api/articles/:id': 'article',
  '/api/duplicates/:id': 'duplicate',
  '/api/procedures/:id': 'procedure',
  '/api/appointments/:id': 'appointment',
  '/api/interpreters/:id': 'interpreter',
  '/api/interpreter-bookings/:id': 'interpreterBooking',
  '/api/data-protection/retention/policies/:id': 'retentionPolicy',
  '/api/data-protection/erasure-requests/:id': 'erasureRequest',
  '/api/data-protection/access-requests/:id': 'accessRequest',
  '/api/data-protection/retention/holds/:id': 'retentionHold',
  '/api/users/:id': 'user',
  '/api/me/sessions/:id': 'session',
  '/api/me/tokens/:id': 'token',
  '/api/me/devices/:id': 'device',
  '/api/sync/devices/:id': 'device',
  '/api/exports/personal/:id': 'export',
};

/**
 * Roots that are not organisation records, with the reason. Sites are one shared map for every
 * agency (sites.policy.ts); what hangs under a site (incidents) is still checked for leaks.
 */
export const SHARED_ROOTS: Record<string, string> = {
  '/api/sites/:id': 'sites are shared coordination records (sites.policy.ts)',
  '/api/exports/:dataset': 'aggregate datasets with small-count suppression, no record',
  '/api/matching/runs/:id':
    'whole-registry deduplication job: status and counts, no record (matching/README.md)',

  '/info/:lang': 'public information site',
  '/info/assets/fonts/:file': 'public font files',
};

/** The record a shared root's `:id` names (a site unless listed). */
const SHARED_IDS: Record<string, string> = {
  '/api/matching/runs/:id': 'matchingRun',
};

/** Values for the other parameters: a real child record where one exists, otherwise an unknown id. */
const CHILD_PARAMS: Record<string, Record<string, string>> = {
  '/api/cases/:id/attachments/:itemId': { itemId: 'attachment' },
};
const UNKNOWN_ID = '01hzzzzzzzzzzzzzzzzzzzzzzz';
const FIXED_PARAMS: Record<string, string> = {
  lang: 'en',
  dataset: 'population',
  slug: 'none',
  file: 'none.woff2',
};

const segments = (url: string) => url.split('/').filter(Boolean);

function rootOf(url: string, roots: Record<string, unknown>): string | undefined {
  const parts = segments(url);
  return Object.keys(roots)
    .filter((root) => segments(root).every((s, i) => parts[i] === s))
    .sort((x, y) => segments(y).length - segments(x).length)[0];
}

export type Binding =
  | { kind: 'record'; recordKind: string; url: (ids: Record<string, string>, id?: string) => string }
  | { kind: 'shared'; reason: string; url: (ids: Record<string, string>) => string }
  | { kind: 'unbound' };

/** How to address one parametrised route: which record `:id` names, and the other parameters. */
export function bind(url: string): Binding {
  const fill = (ids: Record<string, string>, first: string | undefined) =>
    url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
      if (name === 'id' && first !== undefined) return first;
      const child = CHILD_PARAMS[url]?.[name];
      if (child) return ids[child] ?? UNKNOWN_ID;
      return FIXED_PARAMS[name] ?? UNKNOWN_ID;
    });
  const recordRoot = rootOf(url, RECORD_ROOTS);
  const sharedRoot = rootOf(url, SHARED_ROOTS);
  if (sharedRoot && (!recordRoot || segments(sharedRoot).length > segments(recordRoot).length)) {
    const idKind = SHARED_IDS[sharedRoot] ?? 'site';
    return { kind: 'shared', reason: SHARED_ROOTS[sharedRoot]!, url: (ids) => fill(ids, ids[idKind]) };
  }
  if (!recordRoot) return { kind: 'unbound' };
  const recordKind = RECORD_ROOTS[recordRoot]!;
  return { kind: 'record', recordKind, url: (ids, id) => fill(ids, id ?? ids[recordKind]) };
}

export const isParametrised = (url: string) => url.includes(':');
export { UNKNOWN_ID };
