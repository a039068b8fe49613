import { createHmac, hkdfSync } from 'node:crypto';
import type { KeyRing } from './keys.js';

/*
 * The key that authenticates the erasure ledger file's lines. It is derived from the master key's
 * audit key rather than from the master key itself for two reasons: services hold the key ring,
 * not the master key; and the audit keys of retired master keys are kept (sealed) after a
 * rotation, so lines written before a rotation still verify after the old master key is destroyed.
 */

const INFO = 'passerelle/v1/erasure-ledger';

export interface LedgerKey {
  /** Names the key without revealing it, so a line can say which key signed it. */
  id: string;
  key: Buffer;
}

export function ledgerKeyFromAuditKey(auditKey: Buffer): LedgerKey {
  const key = Buffer.from(hkdfSync('sha256', auditKey, 'passerelle', INFO, 32));
  return { id: createHmac('sha256', key).update('key-id').digest('hex').slice(0, 16), key };
}

/** Every ledger key this ring can verify with, the one it signs with first. */
export function ledgerKeys(ring: KeyRing): LedgerKey[] {
  const auditKeys = [
    ring.audit,
    ...(ring.previous ?? []).map((r) => r.audit),
    ...(ring.retiredAuditKeys ?? []).map((r) => r.key),
  ];
  const byId = new Map<string, LedgerKey>();
  for (const key of auditKeys.map(ledgerKeyFromAuditKey)) if (!byId.has(key.id)) byId.set(key.id, key);
  return [...byId.values()];
}
