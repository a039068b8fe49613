import type { z } from 'zod';
import { findLanguage } from './information.languages.js';
import type { PreviewBody } from './information.schema.js';
import { articleFragment } from './public-site/pages.js';

/**
 * The editor's live preview: unsaved text rendered by the same code as the public page, so what
 * the editor sees (escaping and allow-list included) is what readers will get.
 */
export function renderPreview(input: z.infer<typeof PreviewBody>, now: Date) {
  const html = articleFragment(input.lang, {
    title: input.title,
    summary: input.summary,
    body: input.body,
    blocks: JSON.stringify(input.blocks ?? []),
    published_at: now.toISOString(),
    is_demo: 0,
    lang: input.lang,
    source_lang: input.lang,
    source_version: 0,
    article_source_version: 0,
  });
  return { html, dir: findLanguage(input.lang)?.dir ?? ('ltr' as const) };
}
