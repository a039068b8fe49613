import {
  COUNSELLING_OPTIONS,
  INFO_LANGUAGES,
  REFERRAL_SERVICES,
  STATED_INTENTIONS,
  TOPICS,
} from '../../../../src/modules/information/information.languages';

/** The server's own configuration of languages and codes, so the two never disagree. */
export { COUNSELLING_OPTIONS, INFO_LANGUAGES, REFERRAL_SERVICES, STATED_INTENTIONS, TOPICS };

export function languageOf(tag: string) {
  return INFO_LANGUAGES.find((l) => l.tag === tag);
}

/** "العربية (Arabic)": the own name first, so every reader recognises their language. */
export function languageLabel(tag: string): string {
  const language = languageOf(tag);
  return language ? `${language.ownName} (${language.name})` : tag;
}

export function directionOf(tag: string): 'ltr' | 'rtl' {
  return languageOf(tag)?.dir ?? 'ltr';
}
