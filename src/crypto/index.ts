export { blindIndex } from './blind-index.js';
export {
  decryptBytes,
  decryptField,
  decryptJson,
  decryptWithRingKey,
  encryptBytes,
  encryptField,
  encryptJson,
  encryptWithRingKey,
  generateDataKey,
  openWithKey,
  sealWithKey,
  unwrapDataKey,
  wrapDataKey,
} from './envelope.js';
export { CryptoError } from './errors.js';
export type { KeyRing, RetiredAuditKey } from './keys.js';
export {
  deriveKeyRing,
  generateMasterKey,
  loadMasterKey,
  MASTER_KEY_ENV,
  MASTER_KEY_FILE,
  masterKeyFingerprint,
  parseMasterKey,
  readKeyFile,
} from './keys.js';
export type { LedgerKey } from './ledger-key.js';
export { ledgerKeys } from './ledger-key.js';
export {
  auditKeysForSeq,
  blindIndexKeys,
  currentRingOnly,
  decryptWithAnyRing,
  readableRings,
  reencryptWithCurrentRing,
  rewrapDataKey,
  ringForVersion,
  withPreviousRings,
  wrappedKeyVersion,
} from './rotation.js';
export { hashToken, randomId, randomToken, safeEqual, timeOrderedId } from './tokens.js';
