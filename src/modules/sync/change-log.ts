import { decryptJson, decryptWithRingKey, encryptJson, encryptWithRingKey } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { openPersonKey } from '../registry/person-identity.js';
import { findPersonKeys } from '../registry/registry.repository.js';
import type { Outcome } from './apply-change.js';
import {
  type ChangeResultOut,
  type FieldConflictOut,
  SyncChange,
  type SyncChangeInput,
} from './sync.schema.js';
import type { SyncChangesTable } from './sync.tables.js';

const conflictAad = (deviceId: string, changeId: string) => `sync_changes|${deviceId}|${changeId}|conflicts`;
const pendingAad = (deviceId: string, changeId: string) => `sync_pending|${deviceId}|${changeId}`;

interface StoredResult {
  entity: ChangeResultOut['entity'];
  applied: string[];
  /** Field names in clear; their values (the person's data) sealed under the person's key. */
  conflictFields: string[];
  sealedConflicts: string | null;
  possibleDuplicates: ChangeResultOut['possibleDuplicates'];
  queuedForReview: number;
  error: ChangeResultOut['error'];
}

async function personKey(db: Executor, ctx: ServiceContext, personId: string) {
  const wrapped = (await findPersonKeys(db, [personId])).get(personId);
  return wrapped ? openPersonKey(ctx.keys, personId, wrapped) : null;
}

/** The stored form of an outcome: conflicting values are encrypted, so erasing the person erases them. */
export async function storedOutcome(
  db: Executor,
  ctx: ServiceContext,
  deviceId: string,
  changeId: string,
  outcome: Outcome,
): Promise<string> {
  let sealed: string | null = null;
  if (outcome.conflicts.length > 0 && outcome.entity?.type === 'person') {
    const key = await personKey(db, ctx, outcome.entity.id);
    if (key) sealed = encryptJson(key, outcome.conflicts, conflictAad(deviceId, changeId));
  }
  const stored: StoredResult = {
    entity: outcome.entity,
    applied: outcome.applied,
    conflictFields: outcome.conflicts.map((c) => c.field),
    sealedConflicts: sealed,
    possibleDuplicates: outcome.possibleDuplicates,
    queuedForReview: outcome.queuedForReview,
    error: null,
  };
  return JSON.stringify(stored);
}

export function storedRejection(error: NonNullable<ChangeResultOut['error']>): string {
  const stored: StoredResult = {
    entity: null,
    applied: [],
    conflictFields: [],
    sealedConflicts: null,
    possibleDuplicates: [],
    queuedForReview: 0,
    error,
  };
  return JSON.stringify(stored);
}

/** The recorded outcome of a change, answered again to a device that retries it. */
export async function replayResult(
  db: Executor,
  ctx: ServiceContext,
  row: SyncChangesTable,
): Promise<ChangeResultOut> {
  const stored = JSON.parse(row.result) as StoredResult;
  let conflicts: FieldConflictOut[] = stored.conflictFields.map((field) => ({
    field,
    base: null,
    mine: null,
    theirs: null,
  }));
  if (stored.sealedConflicts && row.entity_id) {
    const key = await personKey(db, ctx, row.entity_id);
    if (key)
      conflicts = decryptJson<FieldConflictOut[]>(
        key,
        stored.sealedConflicts,
        conflictAad(row.device_id, row.change_id),
      );
  }
  return {
    changeId: row.change_id,
    kind: row.kind,
    status: row.status,
    replayed: true,
    entity: stored.entity,
    applied: stored.applied,
    conflicts,
    possibleDuplicates: stored.possibleDuplicates,
    queuedForReview: stored.queuedForReview,
    waitingFor: [],
    error: stored.error,
  };
}

export function sealPending(ctx: ServiceContext, deviceId: string, change: SyncChangeInput): string {
  return encryptWithRingKey(
    ctx.keys.dataKeyWrapping,
    JSON.stringify(change),
    pendingAad(deviceId, change.id),
  );
}

export function openPending(ctx: ServiceContext, deviceId: string, changeId: string, body: string) {
  const text = decryptWithRingKey(ctx.keys.dataKeyWrapping, body, pendingAad(deviceId, changeId));
  return SyncChange.parse(JSON.parse(text));
}
