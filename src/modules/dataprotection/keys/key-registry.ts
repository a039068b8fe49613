import { join } from 'node:path';
import {
  CryptoError,
  decryptWithAnyRing,
  deriveKeyRing,
  encryptWithRingKey,
  type KeyRing,
  masterKeyFingerprint,
  parseMasterKey,
  type RetiredAuditKey,
  readKeyFile,
  withPreviousRings,
} from '../../../crypto/index.js';
import type { Executor } from '../../../db/engine.js';
import type { KeyVersionsTable } from '../dataprotection.tables.js';

/*
 * Which master key is which version. The database records each master key it has seen by
 * fingerprint (never the key), so a server started with a key nobody registered is refused instead
 * of quietly encrypting new records under a key that cannot read the old ones.
 */

export const PREVIOUS_MASTER_KEY_ENV = 'PASSERELLE_PREVIOUS_MASTER_KEY';
export const PREVIOUS_MASTER_KEY_FILE = 'master.previous.key';

export interface MasterKeys {
  current: Buffer;
  /** The other key of a rotation in progress (older or, during a rolling restart, newer). */
  previous?: Buffer;
}

/** The previous master key from the environment, else from `<dataDir>/master.previous.key`. */
export function loadPreviousMasterKey(opts: { envValue?: string; dataDir: string }): Buffer | undefined {
  if (opts.envValue !== undefined) {
    try {
      return parseMasterKey(opts.envValue);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CryptoError(`${PREVIOUS_MASTER_KEY_ENV}: ${reason}`, { cause: error });
    }
  }
  return readKeyFile(join(opts.dataDir, PREVIOUS_MASTER_KEY_FILE));
}

export function auditKeyAad(version: number, untilSeq: number): string {
  return `key_versions|${version}|audit|${untilSeq}`;
}

export async function findKeyVersions(db: Executor): Promise<KeyVersionsTable[]> {
  const rows = await db.selectFrom('key_versions').selectAll().orderBy('version').execute();
  return rows.map((r) => ({
    ...r,
    version: Number(r.version),
    audit_until_seq: r.audit_until_seq === null ? null : Number(r.audit_until_seq),
  }));
}

async function registerVersion(db: Executor, fingerprint: string, nowIso: string): Promise<number> {
  // Two servers starting with the same new key race here: one insert wins, the other re-reads.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const versions = await findKeyVersions(db);
    const known = versions.find((v) => v.fingerprint === fingerprint);
    if (known) return known.version;
    const next = Math.max(0, ...versions.map((v) => v.version)) + 1;
    await db
      .insertInto('key_versions')
      .values({
        version: next,
        fingerprint,
        created_at: nowIso,
        retired_at: null,
        audit_until_seq: null,
        wrapped_audit_key: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  throw new CryptoError(
    'could not register the master key version: another key was registered at the same time',
  );
}

function unknownKeyError(which: string): CryptoError {
  return new CryptoError(
    `${which} is not a master key this database knows. If you are rotating keys, set ${PREVIOUS_MASTER_KEY_ENV} ` +
      '(or data/master.previous.key) to the key in use so far; otherwise restore the right key from its backup.',
  );
}

/**
 * The key ring a process works with: the current master key's ring, reading also under the
 * previous key's while a rotation runs, and the audit keys of retired versions.
 */
export async function loadKeyRing(db: Executor, keys: MasterKeys, now: Date): Promise<KeyRing> {
  const nowIso = now.toISOString();
  const currentPrint = masterKeyFingerprint(keys.current);
  const previousPrint = keys.previous ? masterKeyFingerprint(keys.previous) : undefined;
  if (previousPrint === currentPrint) throw new CryptoError(`${PREVIOUS_MASTER_KEY_ENV} is the current key`);
  const versions = await findKeyVersions(db);
  const knows = (print?: string) => print !== undefined && versions.some((v) => v.fingerprint === print);

  if (versions.length > 0 && !knows(currentPrint) && !knows(previousPrint)) {
    throw unknownKeyError(previousPrint ? 'Neither master key' : 'PASSERELLE_MASTER_KEY');
  }
  // Data written before versions were recorded is version 1: the previous key, if one is given.
  if (versions.length === 0 && previousPrint) await registerVersion(db, previousPrint, nowIso);
  const currentVersion = await registerVersion(db, currentPrint, nowIso);
  const previousVersion = previousPrint ? await registerVersion(db, previousPrint, nowIso) : undefined;

  const current = deriveKeyRing(keys.current, currentVersion);
  const previous = keys.previous && previousVersion ? [deriveKeyRing(keys.previous, previousVersion)] : [];
  const reader = withPreviousRings(current, previous);
  const retired: RetiredAuditKey[] = [];
  for (const row of await findKeyVersions(db)) {
    if (!row.wrapped_audit_key || row.audit_until_seq === null) continue;
    const { plaintext } = decryptWithAnyRing(
      reader,
      (r) => r.dataKeyWrapping,
      row.wrapped_audit_key,
      auditKeyAad(row.version, row.audit_until_seq),
    );
    retired.push({
      version: row.version,
      key: Buffer.from(plaintext, 'base64'),
      untilSeq: row.audit_until_seq,
    });
  }
  return withPreviousRings(current, previous, retired);
}

/** Seals a retired version's audit key under the current ring, bound to where it stops counting. */
export function sealRetiredAuditKey(ring: KeyRing, retired: RetiredAuditKey): string {
  return encryptWithRingKey(
    ring.dataKeyWrapping,
    retired.key.toString('base64'),
    auditKeyAad(retired.version, retired.untilSeq),
  );
}
