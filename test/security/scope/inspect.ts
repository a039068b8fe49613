import type { Role } from '../../../src/modules/access/roles.js';
import { forbiddenPersonFields, walkJson } from './markers.js';
import type { World } from './world.js';

/** Who is looking: a user of A, of B, or of B once some of A's records are shared with B. */
export type Viewer =
  | { org: 'A'; role: Role }
  | { org: 'B'; role: Role }
  | { org: 'B-shared'; role: Role; sharedRecords: ReadonlySet<string>; sharedIds: ReadonlySet<string> };

/**
 * Everything in one response this viewer must not see: a marker of a field or record outside
 * their reach, one of A's record ids in B's hands, or a person field whose group the role may not
 * read (keys of the person object itself, so other records' own `notes` are not confused with it).
 */
export function leaks(world: World, viewer: Viewer, body: unknown): string[] {
  const found: string[] = [];
  const forbiddenKeys = forbiddenPersonFields(viewer.role);
  walkJson(body, ({ path, text }) => {
    if (text === undefined) return;
    for (const marker of world.markers) {
      if (!text.includes(marker.value)) continue;
      const reachable =
        viewer.org === 'A' || (viewer.org === 'B-shared' && viewer.sharedRecords.has(marker.record));
      if (!reachable || !marker.readers.includes(viewer.role)) found.push(`${path}: ${marker.kind}`);
    }
    if (viewer.org !== 'A' && world.privateIds.has(text)) {
      if (!(viewer.org === 'B-shared' && viewer.sharedIds.has(text)))
        found.push(`${path}: an id of A (${kindOf(world, text)})`);
    }
  });
  walkPeople(world, body, (path, person) => {
    for (const key of Object.keys(person))
      if (forbiddenKeys.has(key)) found.push(`${path}.${key}: person field`);
  });
  return found;
}

function kindOf(world: World, id: string): string {
  return Object.entries(world.ids).find(([, v]) => v === id)?.[0] ?? '?';
}

/** Calls `visit` for every object that is A's marked person (its `id` is the person's). */
export function walkPeople(
  world: World,
  value: unknown,
  visit: (path: string, person: Record<string, unknown>) => void,
  path = '$',
): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      walkPeople(world, item, visit, `${path}[${i}]`);
    });
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.id === world.ids.person) visit(path, record);
    for (const [key, item] of Object.entries(record)) walkPeople(world, item, visit, `${path}.${key}`);
  }
}
