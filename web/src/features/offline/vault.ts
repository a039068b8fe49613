import { deriveKey, open, PBKDF2_ITERATIONS, randomSalt, seal } from './crypto';
import { clearAll, deleteRow, getMeta, getRow, putRow, rowsOf, setMeta } from './idb';
import type { DeviceMeta } from './types';

/**
 * The encrypted offline store. `meta` holds the device's identity and dates in clear (nothing
 * about a person); every other record is sealed with a key derived from the device PIN, which
 * exists only in memory while the store is unlocked.
 */
const META_KEY = 'device';
const CHECK = 'check';
/** Wrong PINs in a row before the store deletes itself: a stolen phone gets a few guesses only. */
export const MAX_FAILED_UNLOCKS = 10;
export const MIN_PIN_LENGTH = 6;

export type Collection = 'check' | 'queue' | 'conflicts' | 'people' | 'local-people' | 'profile';

let key: CryptoKey | null = null;
let version = 0;
const listeners = new Set<() => void>();

function changed(): void {
  version += 1;
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore: a number that grows whenever the store changes. */
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export const storeVersion = () => version;

export const readDevice = () => getMeta<DeviceMeta>(META_KEY);

export async function updateDevice(patch: Partial<DeviceMeta>): Promise<void> {
  const current = await readDevice();
  if (!current) return;
  await setMeta(META_KEY, { ...current, ...patch });
  changed();
}

export const isUnlocked = () => key !== null;

/** Creates the store for a newly registered device, sealed with a key from the PIN. */
export async function createStore(
  device: Omit<DeviceMeta, 'salt' | 'iterations' | 'failedUnlocks'>,
  pin: string,
): Promise<void> {
  if (pin.length < MIN_PIN_LENGTH) throw new Error('pin too short');
  await clearAll();
  const salt = randomSalt();
  key = await deriveKey(pin, salt);
  await setMeta(META_KEY, { ...device, salt, iterations: PBKDF2_ITERATIONS, failedUnlocks: 0 });
  await put(CHECK, CHECK, { deviceId: device.deviceId });
  changed();
}

export type UnlockResult = 'unlocked' | 'wrong_pin' | 'wiped' | 'no_store';

/** Opens the store with the PIN; too many wrong PINs in a row delete it. */
export async function unlock(pin: string): Promise<UnlockResult> {
  const device = await readDevice();
  if (!device) return 'no_store';
  const candidate = await deriveKey(pin, device.salt, device.iterations);
  const row = await getRow(`${CHECK}:${CHECK}`);
  try {
    if (!row) throw new Error('no check record');
    const check = await open<{ deviceId: string }>(candidate, row, `${CHECK}:${CHECK}`);
    if (check.deviceId !== device.deviceId) throw new Error('check mismatch');
  } catch {
    const failedUnlocks = device.failedUnlocks + 1;
    if (failedUnlocks >= MAX_FAILED_UNLOCKS) {
      await wipe();
      return 'wiped';
    }
    await setMeta(META_KEY, { ...device, failedUnlocks });
    return 'wrong_pin';
  }
  key = candidate;
  if (device.failedUnlocks > 0) await setMeta(META_KEY, { ...device, failedUnlocks: 0 });
  changed();
  return 'unlocked';
}

export function lock(): void {
  key = null;
  changed();
}

/** Deletes everything this device holds offline, and forgets the key. */
export async function wipe(): Promise<void> {
  key = null;
  await clearAll();
  changed();
}

function requireKey(): CryptoKey {
  if (!key) throw new Error('The offline store is locked.');
  return key;
}

export async function put(collection: Collection, id: string, value: unknown): Promise<void> {
  const rowKey = `${collection}:${id}`;
  const sealed = await seal(requireKey(), value, rowKey);
  await putRow({ key: rowKey, collection, ...sealed });
  changed();
}

export async function get<T>(collection: Collection, id: string): Promise<T | undefined> {
  const rowKey = `${collection}:${id}`;
  const row = await getRow(rowKey);
  return row ? open<T>(requireKey(), row, rowKey) : undefined;
}

export async function all<T>(collection: Collection): Promise<T[]> {
  const current = requireKey();
  const rows = await rowsOf(collection);
  return Promise.all(rows.map((row) => open<T>(current, row, row.key)));
}

export async function remove(collection: Collection, id: string): Promise<void> {
  await deleteRow(`${collection}:${id}`);
  changed();
}

/** Why the store must be wiped now, if it must: too long without a sync. */
export function isExpired(device: DeviceMeta, now = new Date()): boolean {
  const since = Date.parse(device.lastSyncAt ?? device.registeredAt);
  return now.getTime() - since > device.wipeAfterDays * 86_400_000;
}
