import { agreement, MISSING, withinOneEdit, yearGapLevel } from './comparisons.js';
import { type MatchModel, priorWeight, probabilityOf } from './model.js';
import type { BirthInfo, MatchRecord } from './record.js';

/*
 * The most a registered person could score against a probe, knowing only the columns kept in
 * clear (sex, birth year and whether it is estimated, nationality): every encrypted comparison
 * (names, the full birth date, place of origin) is given the best weight any of its levels can
 * have. A candidate whose bound stays under a threshold cannot reach it once decrypted, so the
 * duplicate check need not unwrap its key, open its identity and derive its name keys (two
 * thirds of a registration's work when a common name brings sixty namesakes of every age).
 */

/** What the registry keeps in clear about a person, as the matching engine reads it. */
export interface PlainColumns {
  sex: string | null;
  birthYear: number | null;
  ageEstimated: boolean;
  nationality: string | null;
}

const MIN_PROBABILITY = 1e-9;
const NAME = 0;
const BIRTH = 1;
const SEX = 2;
const NATIONALITY = 3;

function weightOf(model: MatchModel, k: number, level: number, u?: number): number {
  const m = Math.max(model.m[k]![level] ?? MIN_PROBABILITY, MIN_PROBABILITY);
  return Math.log2(m / Math.max(u ?? model.u[k]![level] ?? MIN_PROBABILITY, MIN_PROBABILITY));
}

/** The best weight among some levels of comparison k, each level's u given by `uOf`. */
function bestWeight(
  model: MatchModel,
  k: number,
  levels: Iterable<number>,
  uOf: (level: number) => number | undefined = () => undefined,
): number {
  let best = Number.NEGATIVE_INFINITY;
  for (const level of levels) best = Math.max(best, weightOf(model, k, level, uOf(level)));
  return best;
}

function allLevels(model: MatchModel, k: number): number[] {
  return model.specs[k]!.levels.map((_, level) => level);
}

/**
 * The birth levels (comparisons.ts birthLevel) the pair could reach: the years decide the year
 * levels; the exact and typo levels need the full dates, which are encrypted. A typo is possible
 * when the years are one edit apart (an edit elsewhere in the date leaves the years equal).
 */
export function possibleBirthLevels(probe: BirthInfo | null, plain: PlainColumns): number[] {
  if (!probe || plain.birthYear === null) return [MISSING];
  const gap = Math.abs(probe.year - plain.birthYear);
  const levels = [yearGapLevel(gap, probe.estimated || plain.ageEstimated)];
  if (probe.digits && withinOneEdit(String(probe.year), String(plain.birthYear))) levels.push(1);
  if (probe.digits && gap === 0) levels.push(0);
  return levels;
}

/** Levels under which findPossibleDuplicates shows a namesake (registry/people-search.ts). */
const CLOSE_BIRTH_LEVELS = new Set([0, 1, 2, 3]);

/**
 * Whether the candidate could reach `threshold`, or be shown as a namesake (names agreeing, birth
 * at most a year apart, sex not disagreeing), once its encrypted fields are known.
 *
 * Name agreement (exact or transliteration) is weighed as model.ts levelWeight does: by the
 * commoner of the two names' frequencies when either is counted, else by the model's u. So with
 * the probe's own frequency known, u is at least that; unknown, the other name could be the
 * rarest there is, one person among `people`.
 */
export function couldReach(
  model: MatchModel,
  probe: MatchRecord,
  plain: PlainColumns,
  threshold: number,
  name: { frequency: number | undefined; people: number },
): boolean {
  const birthLevels = possibleBirthLevels(probe.birth, plain);
  const sexLevel = agreement(probe.sex, plain.sex);
  if (sexLevel !== 1 && birthLevels.some((level) => CLOSE_BIRTH_LEVELS.has(level))) return true;
  let weight = priorWeight(model);
  const nameLevels = allLevels(model, NAME);
  const weighedByFrequency = model.specs[NAME]!.termFrequency === true;
  const agreementU = (level: number) =>
    !weighedByFrequency || level > 1
      ? undefined
      : name.frequency !== undefined && name.frequency > 0
        ? name.frequency
        : Math.min(model.u[NAME]![level] ?? 1, 1 / Math.max(1, name.people));
  weight += Math.max(0, bestWeight(model, NAME, nameLevels, agreementU));
  const birth = birthLevels.filter((level) => level !== MISSING);
  weight += birth.length === 0 ? 0 : bestWeight(model, BIRTH, birth);
  if (sexLevel !== MISSING) weight += weightOf(model, SEX, sexLevel);
  const nationality = agreement(probe.nationality, plain.nationality?.toUpperCase() ?? null);
  if (nationality !== MISSING) weight += weightOf(model, NATIONALITY, nationality);
  for (let k = NATIONALITY + 1; k < model.specs.length; k += 1)
    weight += Math.max(0, bestWeight(model, k, allLevels(model, k)));
  return probabilityOf(weight) >= threshold;
}
