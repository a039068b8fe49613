import { randomBytes } from 'node:crypto';
import type { Role } from '../../../src/modules/access/roles.js';
import { PERSON_FIELD_GROUPS } from '../../../src/modules/registry/registry.policy.js';
import type { RegisterPersonInput } from '../../../src/modules/registry/registry.schema.js';

/** A unique text planted in one field of one record, with the roles allowed to read it. */
export interface Marker {
  value: string;
  kind: string;
  /** The record it belongs to (`person`, `case`…): sharing that record shares the marker. */
  record: string;
  readers: readonly Role[];
}

type Group = keyof typeof PERSON_FIELD_GROUPS;

/** The field group of each person field, straight from the registry's policy. */
export const GROUP_OF_FIELD: ReadonlyMap<string, Group> = new Map(
  (Object.entries(PERSON_FIELD_GROUPS) as Array<[Group, (typeof PERSON_FIELD_GROUPS)[Group]]>).flatMap(
    ([group, spec]) => spec.fields.map((field) => [field, group] as const),
  ),
);

/** Person fields a role may not read: every field of every group whose readers leave it out. */
export function forbiddenPersonFields(role: Role): Set<string> {
  const forbidden = new Set<string>();
  for (const spec of Object.values(PERSON_FIELD_GROUPS)) {
    if (!(spec.read as readonly Role[]).includes(role)) for (const f of spec.fields) forbidden.add(f);
  }
  return forbidden;
}

/** Person fields a role reads: the walk must find them, or it proves nothing. */
export function readablePersonFields(role: Role): Set<string> {
  const readable = new Set<string>();
  for (const spec of Object.values(PERSON_FIELD_GROUPS)) {
    if ((spec.read as readonly Role[]).includes(role)) for (const f of spec.fields) readable.add(f);
  }
  return readable;
}

const token = () => randomBytes(5).toString('hex');
const digits = () => String(100_000_000 + (randomBytes(4).readUInt32BE(0) % 900_000_000));

/**
 * A registration that fills every field group of the policy, each free text with a marker read
 * by exactly the group's readers. Fields the policy adds later are still covered by the key walk.
 */
export function personBody(markers: Marker[], extra: Partial<RegisterPersonInput>): RegisterPersonInput {
  const text = (field: string, prefix = 'Qz') => {
    const group = GROUP_OF_FIELD.get(field);
    if (!group) throw new Error(`markers: ${field} is in no field group of registry.policy.ts`);
    const value = `${prefix}${field}${token()}`;
    markers.push({
      value,
      kind: `person.${field}`,
      record: 'person',
      readers: PERSON_FIELD_GROUPS[group].read,
    });
    return value;
  };
  const phone = `+336${digits()}`;
  markers.push({
    value: phone,
    kind: 'person.phone',
    record: 'person',
    readers: PERSON_FIELD_GROUPS[GROUP_OF_FIELD.get('phone')!].read,
  });
  return {
    givenName: text('givenName'),
    familyName: text('familyName'),
    fathersName: text('fathersName'),
    originalScriptName: text('originalScriptName'),
    otherNames: [text('otherNames')],
    sex: 'male',
    birthDate: `${new Date().getUTCFullYear() - 15}-03-04`,
    nationality: 'ERI',
    languages: ['ti'],
    phone,
    placeOfOrigin: text('placeOfOrigin'),
    documents: [{ type: 'passport', number: text('documents', 'QZ') }],
    notes: text('notes'),
    specificNeeds: ['SC-UC'],
    relationship: 'head',
    consent: { basis: 'consent', purposes: ['services', 'referral', 'tracing'] },
    ...extra,
  };
}

/** Every string and every key in a JSON value, with the path that leads to it. */
export function walkJson(
  value: unknown,
  visit: (entry: { path: string; key?: string; text?: string }) => void,
  path = '$',
): void {
  if (typeof value === 'string') visit({ path, text: value });
  else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      walkJson(item, visit, `${path}[${i}]`);
    });
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      visit({ path: `${path}.${key}`, key });
      walkJson(item, visit, `${path}.${key}`);
    }
  }
}
