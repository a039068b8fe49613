/**
 * The usual script-injection payloads (OWASP XSS filter evasion cheat sheet, in spirit): tags,
 * event handlers, javascript: and data: URLs in Markdown links and images, attribute breakouts,
 * entity tricks, SVG and iframe tags. Shared by the renderer and the public-site tests.
 */
export const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](javascript:alert(1))',
  '![x](https://tracker.example/pixel.png)',
  '<iframe src="https://evil.example"></iframe>',
  '<style>body{display:none}</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<<script>script>alert(1)<</script>/script>',
  '<scr<script>ipt>alert(1)</script>',
  '`<script>alert(1)</script>`',
  '<javascript:alert(1)>',
  '<details open ontoggle=alert(1)>',
  '[x](https://ok.example "title\\" onmouseover=\\"alert(1)")',
] as const;

const ALLOWED_TAGS = new Set(
  (
    'html head meta title link body header nav main footer article section div span small time ' +
    'p h1 h2 h3 h4 h5 h6 strong em del ul ol li a blockquote pre code br hr table thead tbody tr th td ' +
    'address bdi svg path'
  ).split(' '),
);
const ALLOWED_ATTRIBUTES = new Set(
  (
    'href rel dir lang hreflang class scope datetime align start charset name content role aria-label ' +
    'xmlns viewBox shape-rendering fill stroke d'
  ).split(' '),
);
const SAFE_HREF = /^(?:\/info(?:\/|\?|$)|https?:\/\/|mailto:|tel:)/i;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z:-]+(?:="[^"<>]*")?)*)\s*\/?>/g;
const ATTRIBUTE = /\s+([a-zA-Z:-]+)(?:="([^"<>]*)")?/g;

/**
 * An allow-list check of rendered HTML, stricter than looking for known bad strings: every tag
 * and attribute must be one the renderer is meant to emit, every link target safe, and no `<`
 * may be left that is not such a tag (escaped user text contains none). Returns the problems.
 */
export function unsafeMarkup(markup: string): string[] {
  const problems: string[] = [];
  const withoutDoctype = markup.replace(/^<!doctype html>/i, '');
  const leftover = withoutDoctype.replace(TAG, (_whole, _close: string, name: string, attrs: string) => {
    if (!ALLOWED_TAGS.has(name.toLowerCase())) problems.push(`tag <${name}>`);
    for (const [, attr, value] of attrs.matchAll(ATTRIBUTE)) {
      if (!ALLOWED_ATTRIBUTES.has(attr!)) problems.push(`attribute ${attr} on <${name}>`);
      if ((attr === 'href' || attr === 'src') && !SAFE_HREF.test(value ?? ''))
        problems.push(`${attr}="${value}"`);
    }
    return '';
  });
  if (leftover.includes('<'))
    problems.push(`stray "<" near ${leftover.slice(leftover.indexOf('<'), leftover.indexOf('<') + 40)}`);
  return problems;
}
