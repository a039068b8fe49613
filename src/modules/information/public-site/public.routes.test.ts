import { beforeAll, describe, expect, it } from 'vitest';
import { describeEngines, type TestUser } from '../../../../test/helpers/harness.js';
import { INFO_LANGUAGES } from '../information.languages.js';
import { unsafeMarkup, XSS_PAYLOADS } from './xss-payloads.js';

describeEngines('public information site', (h) => {
  let author: TestUser;
  let reviewer: TestUser;

  async function publish(articleId: string, lang: string, text?: Record<string, unknown>) {
    const base = `/api/articles/${articleId}/translations/${lang}`;
    const saved = text ? await author.api.put(base, text) : await author.api.get(base);
    const version = saved.body.latest.version;
    expect((await author.api.post(`${base}/submit`, { version })).status).toBe(200);
    const published = await reviewer.api.post(`${base}/review`, { version, decision: 'publish' });
    expect(published.status, published.raw).toBe(200);
  }

  beforeAll(async () => {
    const org = await h.createOrg();
    author = await h.createUser(['information_officer'], org.id);
    reviewer = await h.createUser(['information_officer'], org.id);
    const created = await author.api.post('/api/articles', {
      slug: 'family-reunification',
      topic: 'family_reunification',
      sourceLang: 'en',
      title: 'Joining your family',
      summary: 'If you have family in another European country.',
      body: 'Tell the authorities about your family **at your first appointment**.',
      blocks: [
        {
          type: 'address',
          name: 'Information point',
          lines: ['1 rue de la Gare'],
          openingHours: [{ days: 'Mon', hours: '9–12' }],
        },
        { type: 'checklist', title: 'What to bring', items: ['Names of your family members'] },
      ],
    });
    await publish(created.body.id, 'en');
    await publish(created.body.id, 'ar', {
      title: 'الالتحاق بعائلتك',
      summary: 'إذا كان لديك أفراد من عائلتك في بلد أوروبي آخر.',
      body: 'أخبر السلطات عن عائلتك **في موعدك الأول**.',
      blocks: [{ type: 'phone', label: 'رقم الطوارئ', number: '112' }],
    });
    // A newer Arabic draft must not reach readers before it is reviewed.
    await author.api.put(`/api/articles/${created.body.id}/translations/ar`, {
      title: 'مسودة غير منشورة',
      summary: 'لم تُراجع بعد',
      body: 'نص غير منشور',
    });
  });

  function expectPublicHeaders(response: { headers: Record<string, unknown> }) {
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(String(response.headers['content-type'])).toMatch(/^text\/html; charset=utf-8/);
    expect(String(response.headers['content-security-policy'])).toMatch(/script-src 'self'/);
  }

  /** Everything a page asks the browser to fetch, and every script. */
  function resources(page: string): string[] {
    return [...page.matchAll(/<(?:link|script|img|iframe)[^>]*(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
  }

  it('GET /info lists every language by its own name, each marked with its language and direction', async () => {
    const response = await h.client().get('/info');
    expect(response.status).toBe(200);
    expectPublicHeaders(response);
    expect(response.raw).toMatch(/^<!doctype html>\n<html lang="en" dir="ltr">/);
    for (const l of INFO_LANGUAGES) {
      expect(response.raw).toContain(
        `<a href="/info/${l.tag}" lang="${l.tag}" dir="${l.dir}" hreflang="${l.tag}">${l.ownName}`,
      );
    }
    expect(response.raw).not.toContain('<script');
  });

  it('GET /info/ar is right-to-left Arabic with the article under its topic; pages are small and self-contained', async () => {
    const response = await h.client().get('/info/ar');
    expect(response.status).toBe(200);
    expectPublicHeaders(response);
    expect(response.raw).toContain('<html lang="ar" dir="rtl">');
    expect(response.raw).toContain('<h2>لمّ شمل الأسرة</h2>');
    expect(response.raw).toContain('<a href="/info/ar/family-reunification">الالتحاق بعائلتك</a>');
    expect(Buffer.byteLength(response.raw)).toBeLessThan(30 * 1024);
    expect(resources(response.raw).every((url) => url.startsWith('/info/assets/'))).toBe(true);
  });

  it('GET /info/:lang/:slug shows the last reviewed version with its date, not a newer draft', async () => {
    const response = await h.client().get('/info/ar/family-reunification');
    expect(response.status).toBe(200);
    expectPublicHeaders(response);
    expect(response.raw).toContain('<html lang="ar" dir="rtl">');
    expect(response.raw).toContain('<h1>الالتحاق بعائلتك</h1>');
    expect(response.raw).not.toContain('مسودة غير منشورة');
    const today = h.clock.now().toISOString().slice(0, 10);
    expect(response.raw).toContain(`آخر تحديث: <time datetime="${today}">`);
    expect(response.raw).toContain('<a href="tel:112" dir="ltr">112</a>');
    // The other language is linked with an absolute path and marked as English.
    expect(response.raw).toContain(
      '<a href="/info/en/family-reunification" lang="en" dir="ltr" hreflang="en">English</a>',
    );
    expect(response.raw).toContain('href="/info/ar/family-reunification/leaflet"');
    expect(Buffer.byteLength(response.raw)).toBeLessThan(30 * 1024);
    expect(unsafeMarkup(response.raw)).toEqual([]);
  });

  it('languages without a translation point to the languages that have one', async () => {
    const list = await h.client().get('/info/ti');
    expect(list.status).toBe(200);
    expect(list.raw).toContain('<html lang="ti" dir="ltr">');
    expect(list.raw).toContain('ገና ብዚ ቋንቋ የለን');
    expect(list.raw).toContain(
      '<a href="/info/ar/family-reunification" lang="ar" dir="rtl" hreflang="ar">العربية</a>',
    );
    const article = await h.client().get('/info/ti/family-reunification');
    expect(article.status).toBe(404);
    expect(article.raw).toContain('href="/info/en/family-reunification"');
  });

  it('prints a leaflet with a QR code to the page, as inline SVG', async () => {
    const response = await h
      .client()
      .with({ host: 'info.example.org' })
      .get('/info/en/family-reunification/leaflet');
    expect(response.status).toBe(200);
    expect(response.raw).toContain('<body class="leaflet">');
    expect(response.raw).toMatch(
      /<svg role="img" aria-label="http:\/\/info\.example\.org\/info\/en\/family-reunification"/,
    );
    expect(response.raw).toContain('<p class="url">http://info.example.org/info/en/family-reunification</p>');
    expect(response.headers.vary).toMatch(/Host/);
    const spoofed = await h
      .client()
      .with({ host: 'evil"><script>' })
      .get('/info/en/family-reunification/leaflet');
    expect(spoofed.raw).not.toContain('evil');
  });

  it('answers unknown languages, slugs and files with 404 and no cookie', async () => {
    for (const url of [
      '/info/xx',
      '/info/en/nothing-here',
      '/info/en/NOT_A_SLUG',
      '/info/xx/family-reunification',
      '/info/assets/fonts/../../x',
    ]) {
      const response = await h.client().get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('serves its stylesheet and font subsets from its own origin, cacheable', async () => {
    const page = await h.client().get('/info');
    const sheet = resources(page.raw).find((url) => url.includes('info.css'))!;
    const css = await h.client().get(sheet);
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.headers['cache-control']).toMatch(/immutable/);
    expect(css.raw).toContain('@media print');
    const fonts = [...css.raw.matchAll(/url\(["']fonts\/([^"']+)["']\)/g)].map((m) => m[1]!);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const font of fonts) {
      const response = await h.client().get(`/info/assets/fonts/${font}`);
      expect(response.status, font).toBe(200);
      expect(response.headers['content-type']).toBe('font/woff2');
    }
    expect(css.raw).not.toMatch(/https?:\/\//);
  });

  describe('script injection in every article field', () => {
    it.each(XSS_PAYLOADS.map((p, i) => [i, p] as const))(
      'payload %i never reaches a page unescaped',
      async (i, payload) => {
        const slug = `xss-${i}`;
        const created = await author.api.post('/api/articles', {
          slug,
          topic: 'safety',
          sourceLang: 'fr',
          title: payload,
          summary: payload,
          body: `${payload}\n\n## ${payload}\n\n- ${payload}\n\n[${payload}](${payload})`,
          blocks: [
            { type: 'phone', label: payload, number: '17', hours: payload, note: payload },
            {
              type: 'address',
              name: payload,
              lines: [payload],
              openingHours: [{ days: payload, hours: payload }],
              note: payload,
            },
            { type: 'checklist', title: payload, items: [payload, payload] },
          ],
        });
        expect(created.status, created.raw).toBe(201);
        await publish(created.body.id, 'fr');
        for (const url of ['/info/fr', `/info/fr/${slug}`, `/info/fr/${slug}/leaflet`, '/info/ar']) {
          const page = await h.client().get(url);
          expect(page.status, url).toBe(200);
          expect(unsafeMarkup(page.raw), `${url}: ${payload}`).toEqual([]);
        }
        // A payload as a slug never becomes an article.
        const asSlug = await author.api.post('/api/articles', {
          slug: payload,
          topic: 'safety',
          sourceLang: 'fr',
          title: 't',
          summary: 's',
          body: 'b',
        });
        expect(asSlug.status).toBe(400);
      },
    );
  });
});
