import { describe, expect, it } from 'vitest';
import { renderBlocks } from './blocks.js';
import { html } from './html.js';
import { renderMarkdown, safeHref } from './markdown.js';
import { unsafeMarkup, XSS_PAYLOADS } from './xss-payloads.js';

function expectHarmless(output: string, payload: string) {
  expect(unsafeMarkup(output), `${payload} → ${output}`).toEqual([]);
}

describe('Markdown renderer', () => {
  it('renders ordinary Markdown: headings shifted below the page title, lists, emphasis, links', () => {
    const out = renderMarkdown(
      '# Where\n\nGo **early**.\n\n- passport\n- letter\n\n[OFII](https://www.ofii.fr) or [call](tel:+33123)',
    ).value;
    expect(out).toContain('<h2>Where</h2>');
    expect(out).toContain('<strong>early</strong>');
    expect(out).toContain('<li>passport</li>');
    expect(out).toContain('<a href="https://www.ofii.fr" rel="noopener noreferrer">OFII</a>');
    expect(out).toContain('<a href="tel:+33123">call</a>');
  });

  it.each(XSS_PAYLOADS)('neutralises %s', (payload) => {
    const out = renderMarkdown(`Intro ${payload} outro\n\n${payload}\n\n- ${payload}\n\n> ${payload}`).value;
    expectHarmless(out, payload);
  });

  it('has a checker that does catch unsafe markup (so the tests above can fail)', () => {
    expect(unsafeMarkup('<p onclick="x">a</p>')).toEqual(['attribute onclick on <p>']);
    expect(unsafeMarkup('<script>x</script>')).toContain('tag <script>');
    expect(unsafeMarkup('<a href="javascript:x">a</a>')).toEqual(['href="javascript:x"']);
    expect(unsafeMarkup('<img src=x onerror=alert(1)>')).toHaveLength(1);
    expect(unsafeMarkup('<p>a &lt;b&gt;</p>')).toEqual([]);
  });

  it('shows raw HTML as text instead of dropping it, so editors see what they wrote', () => {
    expect(renderMarkdown('<b>bold</b>').value).toContain('&lt;b&gt;bold&lt;/b&gt;');
  });

  it('turns images into their alt text: no requests to other sites', () => {
    const out = renderMarkdown('![a map of the camp](https://maps.example/x.png)').value;
    expect(out).toContain('a map of the camp');
    expect(out).not.toContain('maps.example');
  });

  it('allows only safe link targets', () => {
    expect(safeHref('https://example.org/a?b=c')).toBe('https://example.org/a?b=c');
    expect(safeHref('/info/ar/asylum')).toBe('/info/ar/asylum');
    expect(safeHref('mailto:help@example.org')).toBe('mailto:help@example.org');
    for (const bad of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '//evil.example',
      'https://a"onmouseover=x',
    ])
      expect(safeHref(bad), bad).toBeNull();
  });
});

describe('html template and blocks', () => {
  it('escapes every interpolated value, including quotes and backticks', () => {
    const value = `"'><script>\`x\``;
    expect(html`<p title="${value}">${value}</p>`.value).toBe(
      '<p title="&quot;&#39;&gt;&lt;script&gt;&#96;x&#96;">&quot;&#39;&gt;&lt;script&gt;&#96;x&#96;</p>',
    );
  });

  it.each(XSS_PAYLOADS)('escapes %s in every block field', (payload) => {
    const out = renderBlocks([
      { type: 'phone', label: payload, number: '+33 1 00', hours: payload, note: payload },
      {
        type: 'address',
        name: payload,
        lines: [payload, payload],
        openingHours: [{ days: payload, hours: payload }],
        note: payload,
      },
      { type: 'checklist', title: payload, items: [payload] },
    ]).value;
    expectHarmless(out, payload);
  });

  it('renders a phone number as a tel: link of its digits, and opening hours as a table', () => {
    const out = renderBlocks([
      { type: 'phone', label: 'Emergency shelter', number: '115' },
      {
        type: 'address',
        name: 'Day centre',
        lines: ['1 rue de la Gare'],
        openingHours: [{ days: 'Mon–Fri', hours: '9:00–17:00' }],
      },
      { type: 'checklist', title: 'What to bring', items: ['Any identity papers'] },
    ]).value;
    expect(out).toContain('<a href="tel:115" dir="ltr">115</a>');
    expect(out).toContain('<th scope="row">Mon–Fri</th><td><bdi>9:00–17:00</bdi></td>');
    expect(out).toContain('<li>Any identity papers</li>');
  });
});
