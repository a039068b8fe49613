import type { LanguageTag, Topic } from '../information.languages.js';
import type { Block } from '../information.schema.js';

export interface DemoText {
  title: string;
  summary: string;
  body: string;
  blocks?: Block[];
}

/**
 * A demo article: written for the demo by the developers, in plain general terms, pointing to
 * the organisations rather than stating legal details. Translations are drafts that a
 * native-speaking translator must check before anything like them is used in the field.
 */
export interface DemoArticle {
  slug: string;
  topic: Topic;
  source: LanguageTag;
  texts: Partial<Record<LanguageTag, DemoText>>;
}
