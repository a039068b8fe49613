import { sql } from 'kysely';
import {
  CryptoError,
  type KeyRing,
  reencryptWithCurrentRing,
  rewrapDataKey,
  unwrapDataKey,
} from '../../../crypto/index.js';
import type { DB, Executor } from '../../../db/engine.js';
import type { ServiceContext } from '../../../server/context.js';
import { totpAad } from '../../access/auth.service.js';
import { recordAudit } from '../../audit/audit.service.js';
import { openIdentity } from '../../registry/person-identity.js';
import { personIndexEntries } from '../../registry/person-index.js';
import { replacePersonIndex } from '../../registry/registry.repository.js';
import { sealRetiredAuditKey } from './key-registry.js';

/*
 * `passerelle keys rotate`: moves every data key from older master keys to the current one, and
 * re-derives each person's blind-index rows under the current index key. Data keys never change,
 * so no field is re-encrypted and every record stays readable throughout: servers run with the new
 * key as PASSERELLE_MASTER_KEY and the old one as PASSERELLE_PREVIOUS_MASTER_KEY until it ends.
 *
 * Batches are small transactions, each selecting only rows still under an older version and
 * updating a row only if it is unchanged since it was read: a crash loses at most one batch, and
 * running the command again resumes where it stopped (nothing done twice). When nothing older is
 * left, the older versions are retired: their audit keys are sealed under the current ring with the
 * last audit entry they may have hashed, so the chain still verifies without the old master key.
 */

export interface RotationProgress {
  step: string;
  done: number;
}

export interface RotationReport {
  version: number;
  rewrapped: Record<string, number>;
  retiredVersions: number[];
}

interface KeyTable {
  name: string;
  table: string;
  idColumn: string;
  /** The record id the data key was wrapped for (its AAD). */
  recordId(id: string): string;
}

const KEY_TABLES: KeyTable[] = [
  { name: 'cases', table: 'case_keys', idColumn: 'case_id', recordId: (id) => `cases|${id}` },
  {
    name: 'tracing requests',
    table: 'tracing_request_keys',
    idColumn: 'request_id',
    recordId: (id) => `tracing_requests|${id}`,
  },
  { name: 'incidents', table: 'incidents', idColumn: 'id', recordId: (id) => id },
  { name: 'counselling sessions', table: 'counselling_sessions', idColumn: 'id', recordId: (id) => id },
  { name: 'export files', table: 'export_files', idColumn: 'id', recordId: (id) => id },
];

const DEFAULT_BATCH = 200;

/** Rows of `table` whose wrapped key names another version than the current one. */
async function olderRows(
  db: Executor,
  t: { table: string; idColumn: string },
  version: number,
  limit: number,
) {
  const result = await sql<{ id: string; wrapped: string }>`
    select ${sql.ref(t.idColumn)} as id, wrapped_key as wrapped from ${sql.table(t.table)}
    where wrapped_key is not null and wrapped_key not like ${`k${version}.%`}
    order by ${sql.ref(t.idColumn)} limit ${limit}`.execute(db);
  return result.rows;
}

async function swapWrapped(
  trx: Executor,
  t: { table: string; idColumn: string },
  id: string,
  before: string,
  after: string,
): Promise<boolean> {
  const result = await sql`update ${sql.table(t.table)} set wrapped_key = ${after}
    where ${sql.ref(t.idColumn)} = ${id} and wrapped_key = ${before}`.execute(trx);
  return Number(result.numAffectedRows ?? 0) === 1;
}

async function rotateTable(db: DB, ring: KeyRing, t: KeyTable, batch: number, onBatch: (n: number) => void) {
  let total = 0;
  for (;;) {
    const rows = await olderRows(db, t, ring.version, batch);
    if (rows.length === 0) return total;
    const changed = await db.transaction().execute(async (trx) => {
      let n = 0;
      for (const row of rows) {
        const next = rewrapDataKey(ring, row.wrapped, t.recordId(row.id));
        if (next && (await swapWrapped(trx, t, row.id, row.wrapped, next))) n += 1;
      }
      return n;
    });
    total += changed;
    onBatch(total);
    // Rows changed by someone else meanwhile are read again on the next pass; none left means done.
    if (changed === 0 && rows.length < batch) return total;
  }
}

/** People: the data key re-wrapped and the blind-index rows re-derived, in one transaction each batch. */
async function rotatePeople(db: DB, ring: KeyRing, batch: number, onBatch: (n: number) => void) {
  const t = { table: 'person_keys', idColumn: 'person_id' };
  let total = 0;
  for (;;) {
    const rows = await olderRows(db, t, ring.version, batch);
    if (rows.length === 0) return total;
    const changed = await db.transaction().execute(async (trx) => {
      const people = await trx
        .selectFrom('people')
        .select(['id', 'identity'])
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      const identities = new Map(people.map((p) => [p.id, p.identity]));
      let n = 0;
      for (const row of rows) {
        const next = rewrapDataKey(ring, row.wrapped, row.id);
        if (!next || !(await swapWrapped(trx, t, row.id, row.wrapped, next))) continue;
        const sealed = identities.get(row.id);
        if (sealed) {
          const dataKey = unwrapDataKey(ring, next, row.id);
          try {
            await replacePersonIndex(
              trx,
              row.id,
              personIndexEntries(ring, openIdentity(dataKey, row.id, sealed)),
            );
          } finally {
            dataKey.fill(0);
          }
        }
        n += 1;
      }
      return n;
    });
    total += changed;
    onBatch(total);
    if (changed === 0 && rows.length < batch) return total;
  }
}

/** Secrets sealed directly under a ring key: users' second-factor secrets, waiting offline changes. */
async function rotateRingSecrets(db: DB, ring: KeyRing): Promise<number> {
  let n = 0;
  const users = await db
    .selectFrom('users')
    .select(['id', 'totp_secret'])
    .where('totp_secret', 'is not', null)
    .execute();
  for (const user of users) {
    const next = reencryptWithCurrentRing(
      ring,
      (r) => r.dataKeyWrapping,
      user.totp_secret!,
      totpAad(user.id),
    );
    if (!next) continue;
    await db
      .updateTable('users')
      .set({ totp_secret: next })
      .where('id', '=', user.id)
      .where('totp_secret', '=', user.totp_secret)
      .execute();
    n += 1;
  }
  const pending = await db.selectFrom('sync_pending').select(['device_id', 'change_id', 'body']).execute();
  for (const row of pending) {
    const next = reencryptWithCurrentRing(
      ring,
      (r) => r.dataKeyWrapping,
      row.body,
      `sync_pending|${row.device_id}|${row.change_id}`,
    );
    if (!next) continue;
    await db
      .updateTable('sync_pending')
      .set({ body: next })
      .where('device_id', '=', row.device_id)
      .where('change_id', '=', row.change_id)
      .where('body', '=', row.body)
      .execute();
    n += 1;
  }
  return n;
}

/** Marks older versions retired, sealing their audit keys under the current ring up to the last entry. */
async function retireOlderVersions(ctx: ServiceContext): Promise<number[]> {
  const ring = ctx.keys;
  return ctx.db.transaction().execute(async (trx) => {
    const head = await trx
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    const untilSeq = Number(head?.seq ?? 0);
    const retired: number[] = [];
    for (const older of ring.previous ?? []) {
      const row = await trx
        .selectFrom('key_versions')
        .select(['version', 'retired_at'])
        .where('version', '=', older.version)
        .executeTakeFirst();
      if (!row || row.retired_at) continue;
      await trx
        .updateTable('key_versions')
        .set({
          retired_at: ctx.now().toISOString(),
          audit_until_seq: untilSeq,
          wrapped_audit_key: sealRetiredAuditKey(ring, {
            version: older.version,
            key: older.audit,
            untilSeq,
          }),
        })
        .where('version', '=', older.version)
        .execute();
      retired.push(older.version);
    }
    await recordAudit(trx, ctx, {
      action: 'keys.rotated',
      entity: 'key_version',
      entityId: String(ring.version),
      details: { retiredVersions: retired, untilSeq },
    });
    return retired;
  });
}

/**
 * Re-wraps everything under the ring's current version. Refuses to start when a wrapped key names
 * a version the ring cannot read (the previous master key was not given).
 */
export async function rotateKeys(
  ctx: ServiceContext,
  options: { batchSize?: number; onProgress?: (p: RotationProgress) => void } = {},
): Promise<RotationReport> {
  const ring = ctx.keys;
  const batch = options.batchSize ?? DEFAULT_BATCH;
  const readable = [ring.version, ...(ring.previous ?? []).map((r) => r.version)];
  for (const t of [{ table: 'person_keys', idColumn: 'person_id' }, ...KEY_TABLES]) {
    const unreadable = sql.join(
      readable.map((v) => sql`wrapped_key not like ${`k${v}.%`}`),
      sql` and `,
    );
    const found = await sql<{ n: number }>`select 1 as n from ${sql.table(t.table)}
      where wrapped_key is not null and ${unreadable} limit 1`.execute(ctx.db);
    if (found.rows.length > 0) {
      throw new CryptoError(
        `${t.table} holds data keys under a master key this process cannot read: set PASSERELLE_PREVIOUS_MASTER_KEY to the key in use before the rotation`,
      );
    }
  }
  const rewrapped: Record<string, number> = {};
  const report = (step: string) => (done: number) => options.onProgress?.({ step, done });
  rewrapped.people = await rotatePeople(ctx.db, ring, batch, report('people'));
  for (const t of KEY_TABLES) rewrapped[t.name] = await rotateTable(ctx.db, ring, t, batch, report(t.name));
  rewrapped['ring secrets'] = await rotateRingSecrets(ctx.db, ring);
  options.onProgress?.({ step: 'ring secrets', done: rewrapped['ring secrets'] });
  return { version: ring.version, rewrapped, retiredVersions: await retireOlderVersions(ctx) };
}
