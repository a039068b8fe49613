import { findLanguage, type LanguageTag } from '../information.languages.js';
import { html, type SafeHtml } from './html.js';
import { SITE_STRINGS } from './strings.js';

export interface PageShell {
  lang: LanguageTag;
  title: string;
  main: SafeHtml;
  footer?: SafeHtml;
  bodyClass?: string;
  /** Versioned stylesheet URL (content hash), so it can be cached for a year. */
  stylesheet: string;
}

/** The one page frame: lang and dir on <html>, one stylesheet, no script, nothing from elsewhere. */
export function renderPage(shell: PageShell): string {
  const language = findLanguage(shell.lang);
  const strings = SITE_STRINGS[shell.lang];
  const page = html`<!doctype html>
<html lang="${shell.lang}" dir="${language?.dir ?? 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${shell.title}</title>
<link rel="stylesheet" href="${shell.stylesheet}">
</head>
<body${shell.bodyClass ? html` class="${shell.bodyClass}"` : ''}>
<header class="bar"><nav><a href="/info/${shell.lang}">${strings.site}</a><a href="/info">${strings.chooseLanguage}</a></nav></header>
<main>
${shell.main}
</main>
${shell.footer ? html`<footer>${shell.footer}</footer>` : ''}
</body>
</html>
`;
  return page.value;
}

/**
 * "Updated on" dates in the reader's language. The Gregorian calendar throughout: it is the one
 * on the appointment letters and notices people receive in France. Languages that the runtime's
 * ICU data lacks get the ISO date rather than another language's month names.
 */
export function formatDate(lang: LanguageTag, iso: string): string {
  const date = new Date(iso);
  if (Intl.DateTimeFormat.supportedLocalesOf([lang]).length === 0) return iso.slice(0, 10);
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC', calendar: 'gregory' }).format(
    date,
  );
}

export function dateLine(lang: LanguageTag, iso: string): SafeHtml {
  return html`<p class="updated">${SITE_STRINGS[lang].updatedOn}: <time datetime="${iso.slice(0, 10)}">${formatDate(lang, iso)}</time></p>`;
}

/** A link to another language's page, marked with that language so it is read and shaped correctly. */
export function languageLink(tag: LanguageTag, path: string): SafeHtml {
  const language = findLanguage(tag);
  return html`<a href="${path}" lang="${tag}" dir="${language?.dir ?? 'ltr'}" hreflang="${tag}">${language?.ownName ?? tag}</a>`;
}
