import { z } from 'zod';
import { Id, IsoDateTime, text } from '../../server/http/schema-helpers.js';
import { DuplicateCandidate, PersonResponse } from '../registry/registry.schema.js';

export const CHANGE_KINDS = [
  'person.create',
  'person.update',
  'person.needs',
  'person.consent',
  'household.create',
  'household.member',
  'counselling.create',
  'case.note',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Client-generated change ids (UUIDs in practice): unique per device, never parsed. */
export const ChangeId = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be an identifier');

/**
 * A record made offline has no server id yet: later changes name it `local:<id of the change
 * that created it>`, and the server resolves the reference once that change is applied.
 */
export const LOCAL_PREFIX = 'local:';
export const LocalRef = z
  .string()
  .max(70)
  .regex(/^local:[A-Za-z0-9_-]{8,64}$/, 'must be local:<change id>');
export const EntityRef = z.union([Id, LocalRef]);

export const SyncChange = z.strictObject({
  id: ChangeId,
  kind: z.enum(CHANGE_KINDS),
  /** The record changed: a person (update, needs, consent), a household (member), a case (note). */
  target: EntityRef.optional(),
  /** The version of the person the edit was made on (person.update). */
  baseVersion: z.number().int().min(1).optional(),
  /** The values of the edited fields as the device had them: the base of the three-way merge. */
  base: z.record(z.string(), z.unknown()).optional(),
  /** Changes of this device that must be applied first (its causal predecessors). */
  dependsOn: z.array(ChangeId).max(50).default([]),
  /** The body of the online request this change stands for; validated by that request's schema. */
  payload: z.record(z.string(), z.unknown()),
  recordedAt: IsoDateTime,
});
export type SyncChangeInput = z.infer<typeof SyncChange>;

export const MAX_CHANGES_PER_SYNC = 500;

export const SyncBody = z.strictObject({
  deviceId: Id,
  changes: z.array(SyncChange).max(MAX_CHANGES_PER_SYNC).default([]),
  /** People the device keeps for offline use; the answer carries their current record. */
  offlinePeople: z.array(EntityRef).max(1000).default([]),
});
export type SyncInput = z.infer<typeof SyncBody>;

export const FieldConflict = z.object({
  field: z.string(),
  base: z.unknown(),
  mine: z.unknown(),
  theirs: z.unknown(),
});
export type FieldConflictOut = z.infer<typeof FieldConflict>;

/** applied, conflict and rejected are final; waiting (a cause has not arrived) and failed (try again) are not. */
export const CHANGE_STATUSES = ['applied', 'conflict', 'waiting', 'rejected', 'failed'] as const;

export const ChangeResult = z.object({
  changeId: z.string(),
  kind: z.string(),
  status: z.enum(CHANGE_STATUSES),
  /** True when the change had been received before and this is its recorded outcome. */
  replayed: z.boolean(),
  entity: z
    .object({ type: z.string(), id: z.string(), code: z.string().nullable(), version: z.number().nullable() })
    .nullable(),
  applied: z.array(z.string()),
  conflicts: z.array(FieldConflict),
  possibleDuplicates: z.array(DuplicateCandidate.omit({ explanation: true })),
  /** How many possible duplicates went to the review queue (GET /api/duplicates). */
  queuedForReview: z.number(),
  waitingFor: z.array(z.string()),
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ field: z.string().optional(), message: z.string() })),
    })
    .nullable(),
});
export type ChangeResultOut = z.infer<typeof ChangeResult>;

const OfflineCase = z.object({
  id: z.string(),
  personId: z.string(),
  type: z.string(),
  status: z.string(),
  risk: z.string(),
});

export const OfflinePolicy = z.strictObject({
  wipeAfterDays: z.number().int().min(1, 'must be at least 1').max(90, 'must be at most 90'),
});
export type OfflinePolicyValue = z.infer<typeof OfflinePolicy>;

export const SyncResponse = z.object({
  results: z.array(ChangeResult),
  people: z.array(PersonResponse),
  cases: z.array(OfflineCase),
  /** Requested people the device must delete: out of scope now, merged or erased. */
  gone: z.array(z.string()),
  policy: OfflinePolicy,
  offlineActions: z.array(z.string()),
  serverTime: z.string(),
});

export const RegisterDeviceBody = z.strictObject({ name: text(80) });

export const DeviceResponse = z.object({
  id: z.string(),
  name: z.string(),
  userId: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  lastSyncAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** How many people's records the device held at its last sync. */
  offlinePeople: z.number(),
  current: z.boolean(),
});

export const RegisteredDeviceResponse = z.object({
  device: DeviceResponse,
  /** Shown once: lets the device ask whether it was revoked, even after its session ended. */
  secret: z.string(),
  policy: OfflinePolicy,
});

export const DeviceStatusBody = z.strictObject({ deviceId: Id, secret: z.string().min(1).max(200) });
export const DeviceStatusResponse = z.object({
  status: z.enum(['active', 'revoked']),
  /** True when the device must delete its offline data now. */
  wipe: z.boolean(),
});
