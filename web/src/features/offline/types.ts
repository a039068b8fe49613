/** Types of the sync contract, inferred from the server's zod schemas (type-only imports). */
import type { z } from 'zod';
import type { PersonResponse, RegisterPersonBody } from '../../../../src/modules/registry/registry.schema';
import type {
  ChangeKind,
  ChangeResult,
  DeviceResponse,
  DeviceStatusResponse,
  FieldConflict,
  OfflinePolicy,
  RegisteredDeviceResponse,
  SyncChangeInput,
  SyncResponse,
} from '../../../../src/modules/sync/sync.schema';

export type { ChangeKind };
export type SyncChange = SyncChangeInput;
export type ChangeOutcome = z.infer<typeof ChangeResult>;
export type SyncAnswer = z.infer<typeof SyncResponse>;
export type Conflict = z.infer<typeof FieldConflict>;
export type Policy = z.infer<typeof OfflinePolicy>;
export type Device = z.infer<typeof DeviceResponse>;
export type RegisteredDevice = z.infer<typeof RegisteredDeviceResponse>;
export type DeviceStatus = z.infer<typeof DeviceStatusResponse>;
export type OfflinePerson = z.infer<typeof PersonResponse>;
export type RegisterPersonInput = z.input<typeof RegisterPersonBody>;

/** A change waiting on this device, with what the last sync said about it. */
export interface QueuedChange {
  change: SyncChange;
  /** pending: never answered; failed: sent again next time; waiting: kept by the server until its cause arrives; rejected: refused for good (the reason says why). */
  state: 'pending' | 'failed' | 'waiting' | 'rejected';
  error?: string;
  /** A short description for the list ("Register Amanuel Tesfay"), shown only once unlocked. */
  summary: string;
}

/** A field-level conflict the server returned, kept until the user chooses. */
export interface OpenConflict {
  changeId: string;
  personId: string;
  /** The server's version when the conflict was found: the base of the user's choice. */
  version: number | null;
  label: string;
  conflicts: Conflict[];
  recordedAt: string;
}

/** A record created offline, shown in lists until the server has it. */
export interface LocalPerson {
  ref: string;
  givenName: string;
  familyName?: string;
  sex: string;
  birthYear?: number;
  phone?: string;
  householdRef?: string;
  serverId?: string;
  code?: string;
}

/** What the device keeps in clear in IndexedDB: nothing about a person. */
export interface DeviceMeta {
  deviceId: string;
  userId: string;
  /** Only used to ask the server whether this device was revoked. */
  secret: string;
  salt: Uint8Array;
  iterations: number;
  registeredAt: string;
  lastSyncAt: string | null;
  wipeAfterDays: number;
  failedUnlocks: number;
}

export interface OfflineCase {
  id: string;
  personId: string;
  type: string;
  status: string;
  risk: string;
}

/** What the last sync told this device (sealed): allowed kinds of change, marked people, cases. */
export interface OfflineProfile {
  offlineActions: string[];
  /** Server ids of the people the user marked for offline use. */
  marked: string[];
  cases: OfflineCase[];
}
