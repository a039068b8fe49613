/**
 * The languages and topics of the information service. This is configuration: adding a language
 * here (and its interface strings in public-site/strings.ts) is all it takes to offer it.
 * Own names, scripts and directions follow the languages table of DOMAIN.md.
 */
export const INFO_LANGUAGES = [
  { tag: 'ar', name: 'Arabic', ownName: 'العربية', script: 'Arab', dir: 'rtl' },
  { tag: 'ps', name: 'Pashto', ownName: 'پښتو', script: 'Arab', dir: 'rtl' },
  { tag: 'fa-AF', name: 'Dari', ownName: 'دری', script: 'Arab', dir: 'rtl' },
  { tag: 'fa', name: 'Persian (Farsi)', ownName: 'فارسی', script: 'Arab', dir: 'rtl' },
  { tag: 'ti', name: 'Tigrinya', ownName: 'ትግርኛ', script: 'Ethi', dir: 'ltr' },
  { tag: 'am', name: 'Amharic', ownName: 'አማርኛ', script: 'Ethi', dir: 'ltr' },
  { tag: 'om', name: 'Oromo', ownName: 'Afaan Oromoo', script: 'Latn', dir: 'ltr' },
  { tag: 'ckb', name: 'Kurdish (Sorani)', ownName: 'کوردی', script: 'Arab', dir: 'rtl' },
  { tag: 'kmr', name: 'Kurdish (Kurmanji)', ownName: 'Kurmancî', script: 'Latn', dir: 'ltr' },
  { tag: 'ur', name: 'Urdu', ownName: 'اردو', script: 'Arab', dir: 'rtl' },
  { tag: 'fr', name: 'French', ownName: 'Français', script: 'Latn', dir: 'ltr' },
  { tag: 'en', name: 'English', ownName: 'English', script: 'Latn', dir: 'ltr' },
] as const;

export type InfoLanguage = (typeof INFO_LANGUAGES)[number];
export type LanguageTag = InfoLanguage['tag'];

export const LANGUAGE_TAGS = INFO_LANGUAGES.map((l) => l.tag) as [LanguageTag, ...LanguageTag[]];

export function findLanguage(tag: string): InfoLanguage | undefined {
  return INFO_LANGUAGES.find((l) => l.tag === tag);
}

export function isLanguageTag(tag: string): tag is LanguageTag {
  return findLanguage(tag) !== undefined;
}

/** Topics in the order the public site lists them: official routes first, then services. */
export const TOPICS = [
  'asylum',
  'reception_relocation',
  'family_reunification',
  'unaccompanied_children',
  'trafficking_exploitation',
  'health',
  'legal_aid',
  'voluntary_return',
  'safety',
] as const;

export type Topic = (typeof TOPICS)[number];

/** What a counsellor can tick as "options discussed" (the list). */
export const COUNSELLING_OPTIONS = [
  'asylum_france',
  'relocation',
  'family_reunification',
  'voluntary_return',
  'other',
] as const;

/**
 * The person's stated intention. `onward_movement` records what many said in Calais (trying to
 * reach the UK irregularly) without judging it; `not_stated` keeps "they did not say" apart
 * from "undecided".
 */
export const STATED_INTENTIONS = [
  'asylum_france',
  'relocation',
  'family_reunification',
  'voluntary_return',
  'onward_movement',
  'undecided',
  'not_stated',
  'other',
] as const;

export const REFERRAL_SERVICES = [
  'legal_aid',
  'asylum_registration',
  'child_protection',
  'family_tracing',
  'health',
  'psychosocial',
  'shelter',
  'anti_trafficking',
  'voluntary_return',
  'other',
] as const;
