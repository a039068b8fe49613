import type { ErrorDetail } from '../../server/errors.js';
import type { LocalDate } from './calendar.js';
import {
  DUBLIN_BASES,
  KINSHIPS,
  type Kinship,
  type LegalBasis,
  type LegalStatus,
} from './reunification.enums.js';

/**
 * States applying Dublin III: the 27 EU Member States (Denmark by agreement), Iceland, Norway,
 * Liechtenstein and Switzerland. The United Kingdom applied it until the end of 2020.
 */
// biome-ignore format: country codes read better in rows than one per line
const DUBLIN_STATES: ReadonlySet<string> = new Set([
  'AUT', 'BEL', 'BGR', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'IRL',
  'ITA', 'LVA', 'LTU', 'LUX', 'MLT', 'NLD', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE',
  'ISL', 'NOR', 'LIE', 'CHE',
]);

/**
 * The UK left the Dublin system on 1 January 2021 (House of Commons Library, CBP-9031, "Brexit:
 * the end of the Dublin III Regulation in the UK", 21 December 2020): since then a relative in the
 * UK means UK immigration rules (refugee family reunion), not a take charge request.
 */
export const UK_LEFT_DUBLIN_ON: LocalDate = '2021-01-01';

export function appliesDublin(country: string, on: LocalDate): boolean {
  if (DUBLIN_STATES.has(country)) return true;
  return country === 'GBR' && on < UK_LEFT_DUBLIN_ON;
}

/** Art. 2(g) "family members" as DOMAIN.md summarises them: spouse or partner, minor children, parents. */
const FAMILY_MEMBERS: ReadonlySet<Kinship> = new Set(['spouse', 'child', 'parent']);

/**
 * Which relatives can found each Dublin basis (criteria as DOMAIN.md states them; the article
 * wording was not re-read for this check, unlike the time limits).
 */
const QUALIFYING: Record<
  string,
  { kinships: ReadonlySet<Kinship>; statuses?: ReadonlySet<LegalStatus>; why: string }
> = {
  dublin_art8: {
    kinships: new Set(['parent', 'sibling', 'grandparent', 'aunt_uncle', 'spouse', 'child']),
    why: 'Article 8 needs a family member, sibling or relative (aunt, uncle, grandparent)',
  },
  dublin_art9: {
    kinships: FAMILY_MEMBERS,
    statuses: new Set(['refugee']),
    why: 'Article 9 needs a family member (spouse or partner, child, parent) who is a beneficiary of international protection',
  },
  dublin_art10: {
    kinships: FAMILY_MEMBERS,
    statuses: new Set(['asylum_applicant']),
    why: 'Article 10 needs a family member (spouse or partner, child, parent) whose asylum application is pending',
  },
  dublin_art16: {
    kinships: new Set(['child', 'sibling', 'parent']),
    why: 'Article 16 needs a child, sibling or parent the applicant depends on (or who depends on the applicant)',
  },
  // The humanitarian clause fits any family or cultural tie: the requested state weighs it.
  dublin_art17_2: { kinships: new Set(KINSHIPS), why: '' },
};

export interface BasisFacts {
  basis: LegalBasis;
  lodgedOn: LocalDate;
  /** Youngest and oldest the applicant can have been on the day of the application; null: unknown. */
  ageAtLodging: { min: number; max: number } | null;
  relatives: ReadonlyArray<{ country: string; legalStatus: LegalStatus; kinship: Kinship }>;
}

/**
 * Why a legal basis does not fit the applicant and relatives, as error details naming the field;
 * empty when it fits. Only what is certain is refused: an unknown age does not rule Article 8 out.
 */
export function legalBasisProblems(facts: BasisFacts): ErrorDetail[] {
  const { basis, lodgedOn, relatives } = facts;
  if (!DUBLIN_BASES.has(basis)) return [];
  const problems: ErrorDetail[] = [];
  if (basis === 'dublin_art8' && facts.ageAtLodging && facts.ageAtLodging.min >= 18) {
    problems.push({
      field: 'legalBasis',
      message:
        'Article 8 is for unaccompanied minors; the applicant was an adult when the application was lodged',
    });
  }
  const ukAfterExit = relatives.findIndex((r) => r.country === 'GBR' && lodgedOn >= UK_LEFT_DUBLIN_ON);
  if (ukAfterExit >= 0) {
    problems.push({
      field: 'legalBasis',
      message:
        'the United Kingdom left the Dublin system on 1 January 2021: a relative in the United Kingdom means national_family_reunion',
    });
    return problems;
  }
  const inDublin = relatives.filter((r) => appliesDublin(r.country, lodgedOn));
  if (inDublin.length === 0) {
    problems.push({
      field: 'relatives',
      message: 'a Dublin legal basis needs a relative in a state applying the Dublin Regulation',
    });
    return problems;
  }
  const rule = QUALIFYING[basis];
  if (
    rule &&
    !inDublin.some(
      (r) => rule.kinships.has(r.kinship) && (!rule.statuses || rule.statuses.has(r.legalStatus)),
    )
  ) {
    problems.push({ field: 'legalBasis', message: rule.why });
  }
  return problems;
}

/** The applicant's possible ages on a date, from an exact birth date or a birth year. */
export function ageRangeOn(
  on: LocalDate,
  birth: { date?: string | null; year?: number | null },
): BasisFacts['ageAtLodging'] {
  // 1 January is what registration writes when only the year is known (DOMAIN.md): a year, not a date.
  if (birth.date && !birth.date.endsWith('-01-01')) {
    const years = Number(on.slice(0, 4)) - Number(birth.date.slice(0, 4));
    const age = on.slice(5) >= birth.date.slice(5) ? years : years - 1;
    return { min: age, max: age };
  }
  const year = birth.date ? Number(birth.date.slice(0, 4)) : birth.year;
  if (year === null || year === undefined) return null;
  const years = Number(on.slice(0, 4)) - year;
  return { min: years - 1, max: years };
}
