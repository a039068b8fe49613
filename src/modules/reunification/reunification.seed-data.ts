import type { RegisterPersonInput } from '../registry/registry.schema.js';
import type { Kinship, LegalBasis, LegalStatus, Stage } from './reunification.enums.js';

/**
 * The demo's families (generated, no real people). Names follow the customs DOMAIN.md describes:
 * Eritrean given name + father's name with the Ge'ez spelling, Afghan compound names written
 * joined or apart, Arabic names with their original script. Each tracing request has its true
 * relative among the registered people and at least one namesake who is not them.
 */
type DemoPerson = Omit<RegisterPersonInput, 'consent' | 'birthYear'> & {
  age: number;
  registeredDaysAgo: number;
};

const person = (p: DemoPerson) => p;

// biome-ignore format: one family member per line reads as a register
export const DEMO_PEOPLE = {
  abel: person({ givenName: 'Abel', fathersName: 'Haile', originalScriptName: 'ኣቤል ሃይለ', sex: 'male', age: 15, nationality: 'ERI', languages: ['ti'], registeredDaysAgo: 12 }),
  abelNamesake: person({ givenName: 'Abel', fathersName: 'Haile', sex: 'male', age: 22, nationality: 'ERI', languages: ['ti'], registeredDaysAgo: 60 }),
  rahwa: person({ givenName: 'Rahwa', fathersName: 'Tesfamariam', originalScriptName: 'ርሕዋ ተስፋማርያም', sex: 'female', age: 16, nationality: 'ERI', languages: ['ti'], registeredDaysAgo: 25 }),
  zabihullah: person({ givenName: 'Zabihullah', familyName: 'Stanekzai', sex: 'male', age: 24, nationality: 'AFG', languages: ['ps'], registeredDaysAgo: 50 }),
  samiullah: person({ givenName: 'Sami Ullah', familyName: 'Stanekzai', sex: 'male', age: 17, nationality: 'AFG', languages: ['ps'], registeredDaysAgo: 40 }),
  samiNamesake: person({ givenName: 'Samiullah', familyName: 'Ahmadzai', sex: 'male', age: 18, nationality: 'AFG', languages: ['ps'], registeredDaysAgo: 35 }),
  dawit: person({ givenName: 'Dawit', fathersName: 'Gebremedhin', originalScriptName: 'ዳዊት ገብረመድህን', sex: 'male', age: 14, nationality: 'ERI', languages: ['ti'], registeredDaysAgo: 80 }),
  hiwet: person({ givenName: 'Hiwet', fathersName: 'Kahsay', sex: 'female', age: 16, nationality: 'ERI', languages: ['ti'], registeredDaysAgo: 50 }),
  omar: person({ givenName: 'Omar', familyName: 'Al-Hassan', originalScriptName: 'عمر الحسن', sex: 'male', age: 17, nationality: 'SDN', languages: ['ar'], registeredDaysAgo: 125 }),
  mariam: person({ givenName: 'Mariam', familyName: 'Haddad', originalScriptName: 'مريم حداد', sex: 'female', age: 34, nationality: 'SYR', languages: ['ar'], registeredDaysAgo: 105 }),
  yonas: person({ givenName: 'Yonas', fathersName: 'Berhe', sex: 'male', age: 25, nationality: 'ERI', languages: ['ti'], registeredDaysAgo: 3950 }),
  selam: person({ givenName: 'Selam', fathersName: 'Woldu', sex: 'female', age: 15, nationality: 'ERI', languages: ['ti'], registeredDaysAgo: 12 }),
};

export type DemoKey = keyof typeof DEMO_PEOPLE;

export interface DemoRelative {
  kinship: Kinship;
  country: string;
  legalStatus: LegalStatus;
  givenName: string;
  fathersName?: string;
  familyName?: string;
  city: string;
  phone?: string;
}

export interface DemoTracing {
  createdDaysAgo: number;
  /** The enquirer: a registered person, or a relative abroad (who the sought person is to them). */
  enquirer: DemoKey | DemoRelative;
  relationship: Kinship;
  sought: DemoKey;
  soughtAs: {
    givenName: string;
    fathersName?: string;
    familyName?: string;
    originalScriptName?: string;
    age: number;
  };
  placeOfSeparation: string;
  /** Confirm the true match this many days ago (and open a case from it: see DEMO_CASES). */
  confirmedDaysAgo?: number;
}

export const DEMO_TRACING: DemoTracing[] = [
  {
    createdDaysAgo: 20,
    enquirer: {
      kinship: 'sibling',
      country: 'GBR',
      legalStatus: 'refugee',
      givenName: 'Tesfay',
      fathersName: 'Haile',
      city: 'Leeds',
      phone: '+44 7700 900123',
    },
    relationship: 'sibling',
    sought: 'abel',
    soughtAs: { givenName: 'Abel', fathersName: 'Haile', age: 15 },
    placeOfSeparation: 'Sabha, Libya',
  },
  {
    createdDaysAgo: 30,
    enquirer: {
      kinship: 'parent',
      country: 'DEU',
      legalStatus: 'refugee',
      givenName: 'Letebrhan',
      fathersName: 'Gebru',
      city: 'Hamburg',
    },
    relationship: 'child',
    sought: 'rahwa',
    soughtAs: { givenName: 'Rahwa', fathersName: 'Tesfamariam', originalScriptName: 'ርሕዋ ተስፋማርያም', age: 16 },
    placeOfSeparation: 'Khartoum, Sudan',
  },
  {
    createdDaysAgo: 15,
    enquirer: 'zabihullah',
    relationship: 'sibling',
    sought: 'samiullah',
    soughtAs: { givenName: 'Samiullah', familyName: 'Stanekzai', age: 17 },
    placeOfSeparation: 'Border crossing near Van, Turkey',
  },
  {
    createdDaysAgo: 70,
    enquirer: {
      kinship: 'aunt_uncle',
      country: 'SWE',
      legalStatus: 'citizen',
      givenName: 'Kidane',
      fathersName: 'Gebremedhin',
      city: 'Malmö',
    },
    relationship: 'niece_nephew',
    sought: 'dawit',
    soughtAs: { givenName: 'Dawit', fathersName: 'Gebremedhin', age: 14 },
    placeOfSeparation: 'Calais, the dunes',
    confirmedDaysAgo: 60,
  },
];

export interface DemoStep {
  daysAgo: number;
  to: Stage;
  transferInDays?: number;
  reason?: string;
}

export interface DemoCase {
  person: DemoKey;
  legalBasis: LegalBasis;
  lodgedDaysAgo: number;
  /** A relative abroad, or 'fromTracing': the family link the confirmed tracing match recorded. */
  relative: DemoRelative | 'fromTracing';
  steps: DemoStep[];
  evidence?: Array<[item: string, status: string]>;
}

const uncleSweden = 'fromTracing' as const;

export const DEMO_CASES: DemoCase[] = [
  // Close to its deadline: the take charge request is due within days.
  {
    person: 'dawit',
    legalBasis: 'dublin_art8',
    lodgedDaysAgo: 55,
    relative: uncleSweden,
    steps: [{ daysAgo: 50, to: 'evidence' }],
    evidence: [
      ['identity', 'verified'],
      ['proof_of_relationship', 'received'],
      ['relative_status', 'requested'],
    ],
  },
  {
    person: 'hiwet',
    legalBasis: 'dublin_art8',
    lodgedDaysAgo: 45,
    relative: {
      kinship: 'parent',
      country: 'DEU',
      legalStatus: 'refugee',
      givenName: 'Mebrat',
      fathersName: 'Kahsay',
      city: 'Frankfurt',
    },
    steps: [
      { daysAgo: 40, to: 'evidence' },
      { daysAgo: 20, to: 'request_sent' },
    ],
    evidence: [
      ['identity', 'verified'],
      ['proof_of_relationship', 'verified'],
      ['relative_status', 'received'],
      ['bia', 'verified'],
    ],
  },
  {
    person: 'omar',
    legalBasis: 'dublin_art8',
    lodgedDaysAgo: 120,
    relative: {
      kinship: 'parent',
      country: 'NLD',
      legalStatus: 'refugee',
      givenName: 'Hassan',
      familyName: 'Al-Hassan',
      city: 'Utrecht',
    },
    steps: [
      { daysAgo: 110, to: 'evidence' },
      { daysAgo: 80, to: 'request_sent' },
      { daysAgo: 60, to: 'accepted' },
      { daysAgo: 20, to: 'transfer_scheduled', transferInDays: 30 },
    ],
  },
  {
    person: 'mariam',
    legalBasis: 'dublin_art9',
    lodgedDaysAgo: 100,
    relative: {
      kinship: 'spouse',
      country: 'BEL',
      legalStatus: 'refugee',
      givenName: 'Khaled',
      familyName: 'Haddad',
      city: 'Liège',
    },
    steps: [
      { daysAgo: 95, to: 'evidence' },
      { daysAgo: 70, to: 'request_sent' },
      { daysAgo: 45, to: 'rejected' },
    ],
  },
  // Calais, 2016: a boy joins his brother in the UK under Article 8 (the UK applied Dublin III until 2020).
  {
    person: 'yonas',
    legalBasis: 'dublin_art8',
    lodgedDaysAgo: 3940,
    relative: {
      kinship: 'sibling',
      country: 'GBR',
      legalStatus: 'refugee',
      givenName: 'Filmon',
      fathersName: 'Berhe',
      city: 'Birmingham',
    },
    steps: [
      { daysAgo: 3935, to: 'evidence' },
      { daysAgo: 3915, to: 'request_sent' },
      { daysAgo: 3870, to: 'accepted' },
      { daysAgo: 3860, to: 'transfer_scheduled', transferInDays: 20 },
      { daysAgo: 3840, to: 'transferred' },
      { daysAgo: 3835, to: 'closed', reason: 'Arrived in Birmingham and lives with his brother' },
    ],
  },
  // Since 2021 a sister in the UK means UK family reunion rules: no EU clocks.
  {
    person: 'selam',
    legalBasis: 'national_family_reunion',
    lodgedDaysAgo: 10,
    relative: {
      kinship: 'sibling',
      country: 'GBR',
      legalStatus: 'refugee',
      givenName: 'Saba',
      fathersName: 'Woldu',
      city: 'London',
    },
    steps: [],
  },
];
