import type {
  ChangeKind,
  LocalPerson,
  OfflinePerson,
  QueuedChange,
  RegisterPersonInput,
  SyncChange,
} from './types';
import { all, get, put, remove } from './vault';

export const LOCAL = 'local:';

/** Queues one change with a client id (a retry sends the same id: the server applies it once). */
export async function queueChange(
  kind: ChangeKind,
  payload: Record<string, unknown>,
  summary: string,
  extra: Pick<SyncChange, 'target' | 'baseVersion' | 'base'> & { dependsOn?: string[] } = {},
): Promise<SyncChange> {
  const change: SyncChange = {
    id: crypto.randomUUID(),
    kind,
    dependsOn: extra.dependsOn ?? [],
    payload,
    recordedAt: new Date().toISOString(),
    ...(extra.target ? { target: extra.target } : {}),
    ...(extra.baseVersion ? { baseVersion: extra.baseVersion } : {}),
    ...(extra.base ? { base: extra.base } : {}),
  };
  await put('queue', change.id, { change, state: 'pending', summary } satisfies QueuedChange);
  return change;
}

/** In the order they were made: a device's later changes may depend on earlier ones. */
export async function queuedChanges(): Promise<QueuedChange[]> {
  const items = await all<QueuedChange>('queue');
  return items.sort((a, b) => a.change.recordedAt.localeCompare(b.change.recordedAt));
}

export const unqueue = (changeId: string) => remove('queue', changeId);

export async function markQueued(changeId: string, state: QueuedChange['state'], error?: string) {
  const item = await get<QueuedChange>('queue', changeId);
  if (item) await put('queue', changeId, { ...item, state, error });
}

const fullName = (p: { givenName?: string; familyName?: string | null }) =>
  [p.givenName, p.familyName].filter(Boolean).join(' ');

/** Registers a person offline: queued for the server, and kept locally until it has them. */
export async function registerOffline(input: RegisterPersonInput, householdRef?: string) {
  const payload: Record<string, unknown> = { ...input };
  if (householdRef) payload.householdId = householdRef;
  const change = await queueChange('person.create', payload, fullName(input));
  const local: LocalPerson = {
    ref: `${LOCAL}${change.id}`,
    givenName: input.givenName,
    familyName: input.familyName,
    sex: input.sex,
    birthYear: input.birthYear,
    phone: input.phone,
    householdRef,
  };
  await put('local-people', change.id, local);
  return local;
}

/** A household made offline: members registered with its reference wait for it on the server. */
export async function createHouseholdOffline(siteId?: string): Promise<string> {
  const change = await queueChange('household.create', siteId ? { siteId } : {}, 'household');
  return `${LOCAL}${change.id}`;
}

/**
 * An edit of a person the device keeps: the server merges it field by field against the values
 * the device had (`base`) and returns a conflict where someone else changed the same field.
 */
export async function editPersonOffline(person: OfflinePerson, changes: Record<string, unknown>) {
  const base: Record<string, unknown> = {};
  for (const field of Object.keys(changes)) base[field] = (person as Record<string, unknown>)[field] ?? null;
  await queueChange('person.update', changes, fullName(person), {
    target: person.id,
    baseVersion: person.version,
    base,
  });
  await put('people', person.id, { ...person, ...changes });
}

export const localPeople = () => all<LocalPerson>('local-people');
export const keptPeople = () => all<OfflinePerson>('people');
