import { randomUUID } from 'node:crypto';
import type { TestUser } from '../../../../test/helpers/harness.js';
import type { ChangeKind } from '../sync.schema.js';

export interface ChangeSpec {
  id?: string;
  kind: ChangeKind;
  target?: string;
  baseVersion?: number;
  base?: Record<string, unknown>;
  dependsOn?: string[];
  payload?: Record<string, unknown>;
}

/** A change as the web app's outbox sends it. */
export function change(spec: ChangeSpec) {
  return {
    id: spec.id ?? randomUUID(),
    kind: spec.kind,
    ...(spec.target ? { target: spec.target } : {}),
    ...(spec.baseVersion ? { baseVersion: spec.baseVersion } : {}),
    ...(spec.base ? { base: spec.base } : {}),
    dependsOn: spec.dependsOn ?? [],
    payload: spec.payload ?? {},
    recordedAt: new Date().toISOString(),
  };
}

export async function registerDevice(user: TestUser, name = 'Field phone') {
  const response = await user.api.post('/api/me/devices', { name });
  if (response.status !== 201)
    throw new Error(`device registration failed: ${response.status} ${response.raw}`);
  return response.body as { device: { id: string }; secret: string };
}

export function sync(user: TestUser, deviceId: string, changes: unknown[], offlinePeople: string[] = []) {
  return user.api.post('/api/sync', { deviceId, changes, offlinePeople });
}
