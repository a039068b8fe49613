import type { KeyRing } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import { cachedIdentity, rememberIdentity } from './identity-cache.js';
import { type Identity, openIdentity, openPersonKey } from './person-identity.js';
import type { PersonView } from './registry.presenter.js';
import { findActiveNeeds, findConsents, findPersonKeys } from './registry.repository.js';
import type { PeopleTable } from './registry.tables.js';

/**
 * Decrypts the identities of some people. A person whose data key was deleted (erased) yields
 * null: their record stays for aggregates, their identity is gone.
 */
export async function openIdentities(
  db: Executor,
  keys: KeyRing,
  rows: readonly PeopleTable[],
): Promise<Map<string, Identity | null>> {
  const wrapped = await findPersonKeys(
    db,
    rows.map((r) => r.id),
  );
  const identities = new Map<string, Identity | null>();
  for (const row of rows) {
    const key = wrapped.get(row.id);
    if (!key) {
      identities.set(row.id, null);
      continue;
    }
    const identity =
      cachedIdentity(keys, row.id, row.identity, key) ??
      rememberIdentity(
        keys,
        row.id,
        row.identity,
        key,
        openIdentity(openPersonKey(keys, row.id, key), row.id, row.identity),
      );
    identities.set(row.id, identity);
  }
  return identities;
}

/** Everything a presenter needs for these people, loaded in four queries whatever their number. */
export async function loadPersonViews(
  db: Executor,
  keys: KeyRing,
  rows: readonly PeopleTable[],
): Promise<PersonView[]> {
  const ids = rows.map((r) => r.id);
  const [identities, needs, consents] = await Promise.all([
    openIdentities(db, keys, rows),
    findActiveNeeds(db, ids),
    findConsents(db, ids),
  ]);
  return rows.map((row) => ({
    row,
    identity: identities.get(row.id) ?? null,
    needs: needs.filter((n) => n.person_id === row.id),
    consents: consents.filter((c) => c.person_id === row.id),
  }));
}
