import type { PublishedRow } from '../articles.repository.js';
import { INFO_LANGUAGES, type LanguageTag } from '../information.languages.js';
import type { Block } from '../information.schema.js';
import { renderBlocks } from './blocks.js';
import { html, type SafeHtml } from './html.js';
import { dateLine, languageLink, renderPage } from './layout.js';
import { renderMarkdown } from './markdown.js';
import { isOutdated, type TopicGroup, type Untranslated } from './public.service.js';
import { SITE_STRINGS } from './strings.js';

const articlePath = (lang: LanguageTag, slug: string) => `/info/${lang}/${slug}`;

/** GET /info: every language by its own name, each link marked with its language and direction. */
export function languagePickerPage(stylesheet: string): string {
  const main = html`<h1>Information · <span lang="ar" dir="rtl">معلومات</span> · <span lang="ti">ሓበሬታ</span> · <span lang="fa" dir="rtl">اطلاعات</span></h1>
<p>${SITE_STRINGS.en.chooseLanguage} · <span lang="fr">${SITE_STRINGS.fr.chooseLanguage}</span> · <span lang="ar" dir="rtl">${SITE_STRINGS.ar.chooseLanguage}</span></p>
<ul class="languages">${INFO_LANGUAGES.map(
    (l) =>
      html`<li><a href="/info/${l.tag}" lang="${l.tag}" dir="${l.dir}" hreflang="${l.tag}">${l.ownName}<small lang="en" dir="ltr">${l.name}</small></a></li>`,
  )}</ul>`;
  return renderPage({ lang: 'en', title: 'Information', main, stylesheet });
}

/** GET /info/:lang: the topics with their articles in this language, then what exists only elsewhere. */
export function languagePage(
  lang: LanguageTag,
  index: { groups: TopicGroup[]; untranslated: Untranslated[]; isDemo: boolean },
  stylesheet: string,
): string {
  const s = SITE_STRINGS[lang];
  const main = html`<h1>${s.site}</h1>
${index.isDemo ? html`<p class="demo">${s.demo}</p>` : ''}
${index.groups.length === 0 ? html`<p>${s.nothingYet}</p>` : ''}
${index.groups.map(
  (g) => html`<section class="topic"><h2>${s.topics[g.topic]}</h2>
<ul class="articles">${g.articles.map(
    (a) =>
      html`<li><a href="${articlePath(lang, a.slug)}">${a.title}</a><p>${a.summary}</p>${isOutdated(a) ? html`<p class="note">${s.outdated}</p>` : ''}</li>`,
  )}</ul></section>`,
)}
${
  index.untranslated.length > 0
    ? html`<section class="topic"><h2>${s.notYetInLanguage}</h2><ul class="articles">${index.untranslated.map(
        (u) =>
          html`<li><bdi lang="${u.titleLang}">${u.title}</bdi><ul class="other">${u.languages.map(
            (l) => html`<li>${languageLink(l, articlePath(l, u.slug))}</li>`,
          )}</ul></li>`,
      )}</ul></section>`
    : ''
}`;
  return renderPage({
    lang,
    title: s.site,
    main,
    stylesheet,
    footer: html`<p class="general">${s.general}</p>`,
  });
}

function articleContent(lang: LanguageTag, row: PublishedRow | PreviewContent): SafeHtml {
  const s = SITE_STRINGS[lang];
  const blocks = JSON.parse(row.blocks) as Block[];
  return html`<article>
${row.is_demo === 1 ? html`<p class="demo">${s.demo}</p>` : ''}
<h1>${row.title}</h1>
<p class="summary">${row.summary}</p>
${row.published_at ? dateLine(lang, row.published_at) : ''}
${isOutdated(row) ? html`<p class="outdated">${s.outdated}</p>` : ''}
<div class="body">${renderMarkdown(row.body)}</div>
${renderBlocks(blocks)}
</article>`;
}

/** The fields articleContent needs; the editor's preview builds one from unsaved text. */
export type PreviewContent = Pick<
  PublishedRow,
  | 'title'
  | 'summary'
  | 'body'
  | 'blocks'
  | 'published_at'
  | 'is_demo'
  | 'lang'
  | 'source_lang'
  | 'source_version'
  | 'article_source_version'
>;

/** The article as the public page shows it, without the page frame (the editor's live preview). */
export function articleFragment(lang: LanguageTag, content: PreviewContent): string {
  return articleContent(lang, content).value;
}

/** GET /info/:lang/:slug */
export function articlePage(
  lang: LanguageTag,
  row: PublishedRow,
  otherLanguages: LanguageTag[],
  stylesheet: string,
): string {
  const s = SITE_STRINGS[lang];
  const main = html`${articleContent(lang, row)}
<p class="general">${s.general}</p>
<p class="no-print"><a href="${articlePath(lang, row.slug)}/leaflet">${s.printLeaflet}</a> · <a href="/info/${lang}">${s.allTopics}</a></p>`;
  const footer =
    otherLanguages.length > 0
      ? html`<h2>${s.otherLanguages}</h2><ul class="other">${otherLanguages.map(
          (l) => html`<li>${languageLink(l, articlePath(l, row.slug))}</li>`,
        )}</ul>`
      : undefined;
  return renderPage({ lang, title: row.title, main, stylesheet, footer });
}

/** GET /info/:lang/:slug/leaflet: an A4 print view with a QR code to the page. */
export function leafletPage(
  lang: LanguageTag,
  row: PublishedRow,
  qr: SafeHtml,
  url: string,
  stylesheet: string,
): string {
  const s = SITE_STRINGS[lang];
  const main = html`${articleContent(lang, row)}
<div class="qr">${qr}<div><p>${s.scan}</p><p class="url">${url}</p></div></div>`;
  return renderPage({ lang, title: row.title, main, stylesheet, bodyClass: 'leaflet' });
}

/** 404 in the reader's language, pointing to the languages the article exists in, if any. */
export function notFoundPage(
  lang: LanguageTag,
  slug: string | null,
  languages: LanguageTag[],
  stylesheet: string,
): string {
  const s = SITE_STRINGS[lang];
  const main = html`<h1>${languages.length > 0 ? s.notYetInLanguage : s.notFound}</h1>
${
  slug && languages.length > 0
    ? html`<ul class="other">${languages.map((l) => html`<li>${languageLink(l, articlePath(l, slug))}</li>`)}</ul>`
    : ''
}
<p><a href="/info/${lang}">${s.allTopics}</a> · <a href="/info">${s.chooseLanguage}</a></p>`;
  return renderPage({ lang, title: s.notFound, main, stylesheet });
}
