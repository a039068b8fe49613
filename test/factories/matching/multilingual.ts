import type { MatchInput } from '../../../src/modules/matching/engine/record.js';
import type { NamePair, NamingCustom } from '../../../src/modules/registry/demo-names.js';
import { seededRandom } from '../../../src/modules/registry/population-generator.js';
import { BENCH_NAMING_CUSTOMS as NAMING_CUSTOMS } from './multilingual-names.js';
import { variantOf } from './name-variants.js';

/**
 * A generated multilingual linkage set: people named after Arabic, Afghan, Eritrean/Ethiopian,
 * Iranian and Kurdish customs, each registered one to three times with the noise seen in the
 * field (transliteration variants, the other script only, swapped order, missing family name,
 * typos, estimated ages and 1 January defaults), plus hard negatives: namesakes born within two
 * years of each other and siblings sharing their father's name. Generated names only.
 */
export interface LabelledSet {
  records: MatchInput[];
  /** Entity id of each record, by record id: same entity = same person. */
  entityOf: Map<string, string>;
}

interface Entity {
  id: string;
  custom: NamingCustom;
  sex: 'male' | 'female';
  given: NamePair;
  father: NamePair | null;
  family: NamePair | null;
  birthYear: number;
  birthDate: string;
}

function typo(name: string, rng: () => number): string {
  if (name.length < 4) return name;
  const i = 1 + Math.floor(rng() * (name.length - 2));
  const roll = rng();
  if (roll < 0.33) return name.slice(0, i) + name.slice(i + 1);
  if (roll < 0.66) return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
  return name.slice(0, i) + 'aeiounrst'[Math.floor(rng() * 9)] + name.slice(i + 1);
}

export function generateMultilingualSet(entities: number, seed: number): LabelledSet {
  const rng = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
  const people: Entity[] = [];
  const newEntity = (base?: Partial<Entity>): Entity => {
    const custom = base?.custom ?? pick(NAMING_CUSTOMS);
    const sex = base?.sex ?? (rng() < 0.75 ? 'male' : 'female');
    const birthYear = base?.birthYear ?? 1960 + Math.floor(rng() * 50);
    const month = 1 + Math.floor(rng() * 12);
    const day = 1 + Math.floor(rng() * 28);
    return {
      id: `e${people.length}`,
      custom,
      sex,
      given: base?.given ?? pick(sex === 'male' ? custom.male : custom.female),
      father:
        base?.father !== undefined ? base.father : custom.style === 'patronymic' ? pick(custom.family) : null,
      // Patronymic customs register given + father + grandfather; the grandfather takes the family slot.
      family: base?.family !== undefined ? base.family : pick(custom.family),
      birthYear,
      birthDate: `${birthYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    };
  };
  while (people.length < entities) {
    const roll = rng();
    const previous = people.length > 0 ? pick(people) : undefined;
    if (previous && roll < 0.1) {
      // A namesake: the same names, another person, born a few years apart.
      const gap = (6 + Math.floor(rng() * 10)) * (rng() < 0.5 ? -1 : 1);
      people.push(newEntity({ ...previous, birthYear: previous.birthYear + gap }));
    } else if (previous?.father && roll < 0.18) {
      // A sibling: same father's name, another given name, a few years apart.
      people.push(
        newEntity({
          custom: previous.custom,
          father: previous.father,
          family: previous.family,
          birthYear: previous.birthYear + 2 + Math.floor(rng() * 10),
        }),
      );
    } else {
      people.push(newEntity());
    }
  }
  const records: MatchInput[] = [];
  const entityOf = new Map<string, string>();
  for (const person of people) {
    const copies = 1 + (rng() < 0.55 ? 1 : 0) + (rng() < 0.2 ? 1 : 0);
    for (let c = 0; c < copies; c += 1) {
      const id = `${person.id}-r${c}`;
      entityOf.set(id, person.id);
      records.push(noisyRecord(person, id, c === 0, rng));
    }
  }
  // Shuffle so that files are not ordered by person.
  for (let i = records.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [records[i], records[j]] = [records[j]!, records[i]!];
  }
  return { records, entityOf };
}

function noisyRecord(person: Entity, id: string, clean: boolean, rng: () => number): MatchInput {
  const noisy = (pair: NamePair | null) => {
    if (!pair) return null;
    let name = clean ? pair.latin : variantOf(pair.latin, rng);
    if (!clean && rng() < 0.12) name = typo(name, rng);
    return name;
  };
  let given = noisy(person.given);
  let family = noisy(person.family);
  const father = noisy(person.father);
  const native = [person.given.native, person.father?.native, person.family?.native]
    .filter(Boolean)
    .join(' ');
  if (!clean && person.custom.style !== 'family' && rng() < 0.3) family = null;
  if (!clean && given && family && rng() < 0.1) [given, family] = [family, given];
  const scriptOnly = !clean && rng() < 0.15;
  const estimated = rng() < 0.5;
  const birth = estimated
    ? { birthYear: person.birthYear + (clean ? 0 : Math.floor(rng() * 5) - 2), ageEstimated: true }
    : rng() < 0.25
      ? { birthDate: `${person.birthYear}-01-01` }
      : { birthDate: person.birthDate };
  return {
    id,
    givenName: scriptOnly ? null : given,
    familyName: scriptOnly ? null : family,
    fathersName: scriptOnly ? null : father,
    originalScriptName: clean || scriptOnly || rng() < 0.6 ? native : null,
    sex: !clean && rng() < 0.05 ? null : person.sex,
    nationality: !clean && rng() < 0.1 ? null : person.custom.nationality,
    ...birth,
  };
}

/** All true pairs of a labelled set (records of the same entity). */
export function truePairsOf(set: LabelledSet): Set<string> {
  const byEntity = new Map<string, string[]>();
  for (const [record, entity] of set.entityOf)
    byEntity.set(entity, [...(byEntity.get(entity) ?? []), record]);
  const pairs = new Set<string>();
  for (const members of byEntity.values()) {
    for (let i = 0; i < members.length; i += 1) {
      for (let j = i + 1; j < members.length; j += 1) {
        const [a, b] = [members[i]!, members[j]!].sort();
        pairs.add(`${a}|${b}`);
      }
    }
  }
  return pairs;
}
