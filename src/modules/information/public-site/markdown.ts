import { Marked, type Tokens } from 'marked';
import { escapeHtml, type SafeHtml, trusted } from './html.js';

/**
 * Markdown for article bodies, rendered through an allow-list: raw HTML in the source is shown
 * as text, never passed through; links keep only http(s), mailto, tel and site-relative targets;
 * images become their alt text (no third-party requests, and pages stay light on slow networks);
 * headings start at h2 because the article title is the page's h1.
 */
const SAFE_LINK =
  /^(?:https?:\/\/[^\s<>"'`]+|mailto:[^\s<>"'`]+|tel:\+?[0-9 ().-]+|\/info\/[A-Za-z0-9/_-]*)$/i;

export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  return SAFE_LINK.test(trimmed) ? trimmed : null;
}

/**
 * Escapes text without double-encoding entities (`&amp;`, `&#39;` stay as they are): marked
 * leaves some `<` in plain text as they are, which browsers tolerate but which no page of ours
 * should ever contain.
 */
function escapeText(text: string): string {
  return text.replace(/[<>"'`]|&(?!#?[A-Za-z0-9]+;)/g, (c) => escapeHtml(c));
}

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    text(token: Tokens.Text | Tokens.Escape) {
      if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
      return escapeText(token.text);
    },
    heading({ tokens, depth }: Tokens.Heading) {
      const level = Math.min(6, Math.max(2, depth + 1));
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    link({ href, tokens }: Tokens.Link) {
      const label = this.parser.parseInline(tokens);
      const target = safeHref(href);
      if (!target) return label;
      const external = /^https?:/i.test(target);
      return `<a href="${escapeHtml(target)}"${external ? ' rel="noopener noreferrer"' : ''}>${label}</a>`;
    },
    image({ text }: Tokens.Image) {
      return escapeHtml(text);
    },
    code({ text }: Tokens.Code) {
      return `<pre><code>${escapeHtml(text)}</code></pre>\n`;
    },
    checkbox({ checked }: Tokens.Checkbox) {
      return checked ? '☑ ' : '☐ ';
    },
  },
});

export function renderMarkdown(source: string): SafeHtml {
  return trusted(marked.parse(source, { async: false }));
}
