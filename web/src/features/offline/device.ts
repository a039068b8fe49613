import { ApiError, api } from '../../api/client';
import { setMeta } from './idb';
import type { DeviceStatus, OfflineProfile, RegisteredDevice } from './types';
import { createStore, isExpired, put, readDevice, wipe } from './vault';

/**
 * Registers this browser as the user's offline device (it then shows among their sessions and
 * devices, where it can be revoked) and creates the store sealed with the PIN.
 */
export async function prepareDevice(input: { name: string; pin: string; userId: string }) {
  const registered = await api.post<RegisteredDevice>('/api/me/devices', { name: input.name });
  await createStore(
    {
      deviceId: registered.device.id,
      userId: input.userId,
      secret: registered.secret,
      registeredAt: registered.device.createdAt,
      lastSyncAt: null,
      wipeAfterDays: registered.policy.wipeAfterDays,
    },
    input.pin,
  );
  await put('profile', 'me', { offlineActions: [], marked: [], cases: [] } satisfies OfflineProfile);
  return registered.device;
}

export type WipeReason = 'expired' | 'revoked';
/** Kept after a wipe (nothing personal) so the next screen can say why the data is gone. */
export const WIPED_KEY = 'wipedBecause';

export async function wipeFor(reason: WipeReason): Promise<WipeReason> {
  await wipe();
  await setMeta(WIPED_KEY, reason);
  return reason;
}

/**
 * The wipe rules, checked whenever the app starts and before the store is opened: too many days
 * without a sync (the organisation's policy), or the device was revoked (asked with the device
 * secret alone, so it works even after the session ended). Offline, only the first can apply.
 */
export async function enforceWipeRules(now = new Date()): Promise<WipeReason | null> {
  const device = await readDevice();
  if (!device) return null;
  if (isExpired(device, now)) return wipeFor('expired');
  try {
    const status = await api.post<DeviceStatus>('/api/devices/status', {
      deviceId: device.deviceId,
      secret: device.secret,
    });
    if (status.wipe) return wipeFor('revoked');
  } catch (error) {
    // Unknown to the server (deleted) means revoked; offline or a server error decides nothing.
    if (error instanceof ApiError && error.status === 404) return wipeFor('revoked');
  }
  return null;
}
