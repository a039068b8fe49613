import { INFO_LANGUAGES, type LanguageTag, type Topic } from '../information.languages.js';
import { LTR_STRINGS } from './strings-ltr.js';
import { RTL_STRINGS } from './strings-rtl.js';

/**
 * The public site's own words in each language. Drafted by the developers for the first
 * release; like the demo articles, each language must be checked by a native-speaking
 * translator before the site is used in the field (docs: information module).
 */
export interface SiteStrings {
  site: string;
  chooseLanguage: string;
  updatedOn: string;
  printLeaflet: string;
  otherLanguages: string;
  notYetInLanguage: string;
  outdated: string;
  nothingYet: string;
  demo: string;
  allTopics: string;
  scan: string;
  notFound: string;
  general: string;
  topics: Record<Topic, string>;
}

const ALL = { ...LTR_STRINGS, ...RTL_STRINGS };

/** Every configured language must have its strings: checked once at start-up, not per request. */
export const SITE_STRINGS = Object.fromEntries(
  INFO_LANGUAGES.map((l) => {
    const strings = ALL[l.tag];
    if (!strings) throw new Error(`public site: no interface strings for language ${l.tag}`);
    return [l.tag, strings];
  }),
) as Record<LanguageTag, SiteStrings>;
