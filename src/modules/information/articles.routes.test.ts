import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';

export const SOURCE = {
  slug: 'asylum-in-france',
  topic: 'asylum',
  sourceLang: 'en',
  title: 'Asking for asylum in France',
  summary: 'How to ask for protection in France, step by step.',
  body: '## First step\n\nGo to a reception platform.',
  blocks: [{ type: 'phone', label: 'Emergency shelter', number: '115' }],
};

describeEngines('articles API', (h) => {
  let author: TestUser;
  let reviewer: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    const org = await h.createOrg();
    author = await h.createUser(['information_officer'], org.id);
    reviewer = await h.createUser(['information_officer'], org.id);
    outsider = await h.createUser(['information_officer']);
  });

  const countArticles = async () =>
    Number(
      (
        await h.db
          .selectFrom('articles')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function createArticle(slug: string, extra: Record<string, unknown> = {}) {
    const created = await author.api.post('/api/articles', { ...SOURCE, slug, ...extra });
    expect(created.status, created.raw).toBe(201);
    return created.body as { id: string; sourceVersion: number };
  }

  it('POST /api/articles answers 400 naming the field, and writes nothing', async () => {
    const before = await countArticles();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...SOURCE, slug: '<script>alert(1)</script>' }, 'slug'],
      [{ ...SOURCE, slug: 'Has Spaces' }, 'slug'],
      [{ ...SOURCE, topic: 'weather' }, 'topic'],
      [{ ...SOURCE, sourceLang: 'xx' }, 'sourceLang'],
      [{ ...SOURCE, title: '' }, 'title'],
      [{ ...SOURCE, body: '   ' }, 'body'],
      [{ ...SOURCE, blocks: [{ type: 'phone', label: 'x', number: 'call me' }] }, 'blocks.0.number'],
      [{ ...SOURCE, blocks: [{ type: 'video', url: 'x' }] }, 'blocks.0.type'],
      [{ ...SOURCE, extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const response = await author.api.post('/api/articles', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.details[0].field).toBe(field);
      expect(response.body.error.message.startsWith(`${field}:`)).toBe(true);
    }
    expect(await countArticles()).toBe(before);
  });

  it('POST /api/articles answers 401 without credentials and 403 to other roles', async () => {
    expect((await h.client().post('/api/articles', SOURCE)).status).toBe(401);
    const caseworker = await h.createUser(['caseworker']);
    expect((await caseworker.api.post('/api/articles', SOURCE)).status).toBe(403);
  });

  it('creates an article with its source text as draft version 1, and refuses a taken slug', async () => {
    const created = await author.api.post('/api/articles', { ...SOURCE, slug: 'created-once' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      slug: 'created-once',
      topic: 'asylum',
      sourceLang: 'en',
      sourceVersion: 1,
      title: SOURCE.title,
    });
    const en = created.body.languages.find((l: { lang: string }) => l.lang === 'en');
    expect(en).toMatchObject({
      isSource: true,
      state: 'draft',
      latestVersion: 1,
      publishedVersion: null,
      outdated: false,
    });
    const ar = created.body.languages.find((l: { lang: string }) => l.lang === 'ar');
    expect(ar).toMatchObject({ state: 'missing', latestVersion: null });
    const again = await author.api.post('/api/articles', { ...SOURCE, slug: 'created-once' });
    expect(again.status).toBe(409);
    expect(again.body.error.details[0].field).toBe('slug');
  });

  it('PUT a translation: 400 naming the field, 404 for another organisation or unknown article, then 200', async () => {
    const article = await createArticle('translate-me');
    const url = `/api/articles/${article.id}/translations/ar`;
    const bad = await author.api.put(url, { title: 'عنوان', summary: 'ملخص', body: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('body');
    const badLang = await author.api.put(`/api/articles/${article.id}/translations/xx`, {
      title: 't',
      summary: 's',
      body: 'b',
    });
    expect(badLang.status).toBe(400);
    expect(badLang.body.error.details[0].field).toBe('lang');
    const future = await author.api.put(url, { title: 't', summary: 's', body: 'b', sourceVersion: 9 });
    expect(future.status).toBe(400);
    expect(future.body.error.details[0].field).toBe('sourceVersion');
    expect((await outsider.api.put(url, { title: 't', summary: 's', body: 'b' })).status).toBe(404);
    expect(
      (
        await author.api.put('/api/articles/nosuchid/translations/ar', {
          title: 't',
          summary: 's',
          body: 'b',
        })
      ).status,
    ).toBe(404);
    const versions = await h.db
      .selectFrom('article_translations')
      .select('id')
      .where('article_id', '=', article.id)
      .execute();
    expect(versions).toHaveLength(1);

    const saved = await author.api.put(url, {
      title: 'اللجوء في فرنسا',
      summary: 'كيف تطلب الحماية',
      body: 'اذهب إلى منصة الاستقبال.',
    });
    expect(saved.status, saved.raw).toBe(200);
    expect(saved.body).toMatchObject({
      lang: 'ar',
      dir: 'rtl',
      latest: { version: 1, status: 'draft', sourceVersion: 1, outdated: false },
    });
    expect(saved.body.source.title).toBe(SOURCE.title);
    // The same text again is the same version: PUT is idempotent.
    const same = await author.api.put(url, {
      title: 'اللجوء في فرنسا',
      summary: 'كيف تطلب الحماية',
      body: 'اذهب إلى منصة الاستقبال.',
    });
    expect(same.body.latest.version).toBe(1);
    expect((await outsider.api.get(url)).status).toBe(404);
  });

  it('publishing needs a second person: the author may submit but not publish', async () => {
    const article = await createArticle('four-eyes');
    const base = `/api/articles/${article.id}/translations/en`;
    const submitted = await author.api.post(`${base}/submit`, { version: 1 });
    expect(submitted.status).toBe(200);
    expect(submitted.body.latest.status).toBe('in_review');
    expect(submitted.body.latest.allowed).toEqual(['return']);
    const own = await author.api.post(`${base}/review`, { version: 1, decision: 'publish' });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/second person/);
    expect((await author.api.post(`${base}/submit`, { version: 1 })).status).toBe(409);
    expect((await reviewer.api.post(`${base}/review`, { version: 7, decision: 'publish' })).status).toBe(404);
    const published = await reviewer.api.post(`${base}/review`, { version: 1, decision: 'publish' });
    expect(published.status, published.raw).toBe(200);
    expect(published.body.published).toMatchObject({
      version: 1,
      status: 'published',
      reviewedBy: reviewer.id,
    });
    expect(published.body.published.allowed).toEqual(['archive']);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', article.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['article.create', 'article.submit', 'article.publish']);
    expect(audit[2]!.actor_id).toBe(reviewer.id);
  });

  it('a reviewer can return a version to draft with a note', async () => {
    const article = await createArticle('returned');
    const base = `/api/articles/${article.id}/translations/en`;
    await author.api.post(`${base}/submit`, { version: 1 });
    const returned = await reviewer.api.post(`${base}/review`, {
      version: 1,
      decision: 'return',
      note: 'Check the phone number',
    });
    expect(returned.status).toBe(200);
    expect(returned.body.latest).toMatchObject({ status: 'draft', reviewNote: 'Check the phone number' });
  });

  it('a source change marks translations outdated until a re-reviewed translation of the new source is published', async () => {
    const article = await createArticle('outdated-flow');
    const en = `/api/articles/${article.id}/translations/en`;
    const fr = `/api/articles/${article.id}/translations/fr`;
    const frText = {
      title: 'Demander l’asile en France',
      summary: 'Comment demander une protection.',
      body: 'Allez à une plateforme.',
    };
    await author.api.put(fr, frText);
    await author.api.post(`${fr}/submit`, { version: 1 });
    await reviewer.api.post(`${fr}/review`, { version: 1, decision: 'publish' });

    const { title, summary, blocks } = SOURCE;
    const changed = await reviewer.api.put(en, {
      title,
      summary,
      blocks,
      body: `${SOURCE.body}\n\nBring your papers.`,
    });
    expect(changed.body.article.sourceVersion).toBe(2);
    const board = (await author.api.get(`/api/articles/${article.id}`)).body;
    expect(board.languages.find((l: { lang: string }) => l.lang === 'fr')).toMatchObject({
      state: 'published',
      publishedVersion: 1,
      outdated: true,
    });
    // The outdated French text stays on the public site, flagged, until its update is reviewed.
    const page = await h.client().get('/info/fr/outdated-flow');
    expect(page.status).toBe(200);
    expect(page.raw).toContain('Le texte original a changé');

    // A translation of the old source cannot be published any more.
    await author.api.put(fr, { ...frText, body: 'Allez vite à une plateforme.', sourceVersion: 1 });
    await author.api.post(`${fr}/submit`, { version: 2 });
    const stale = await reviewer.api.post(`${fr}/review`, { version: 2, decision: 'publish' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/source version 1/);

    const updated = await author.api.put(fr, {
      ...frText,
      body: 'Allez à une plateforme. Apportez vos papiers.',
    });
    expect(updated.body.latest).toMatchObject({ version: 3, sourceVersion: 2, status: 'draft' });
    // Saving version 3 retired the version 2 that was in review; versions are kept.
    expect(
      updated.body.history.map((v: { version: number; status: string }) => `${v.version}:${v.status}`),
    ).toEqual(['3:draft', '2:archived', '1:published']);
    await author.api.post(`${fr}/submit`, { version: 3 });
    const fresh = await reviewer.api.post(`${fr}/review`, { version: 3, decision: 'publish' });
    expect(fresh.status).toBe(200);
    expect(fresh.body.article.languages.find((l: { lang: string }) => l.lang === 'fr')).toMatchObject({
      publishedVersion: 3,
      outdated: false,
    });
    const old = await h.db
      .selectFrom('article_translations')
      .select('status')
      .where('article_id', '=', article.id)
      .where('lang', '=', 'fr')
      .where('version', '=', 1)
      .executeTakeFirstOrThrow();
    expect(old.status).toBe('archived');
  });

  it('archiving takes a language off the public site; the list and status board show every language', async () => {
    const article = await createArticle('archived-one');
    const en = `/api/articles/${article.id}/translations/en`;
    await author.api.post(`${en}/submit`, { version: 1 });
    await reviewer.api.post(`${en}/review`, { version: 1, decision: 'publish' });
    expect((await h.client().get('/info/en/archived-one')).status).toBe(200);
    expect((await reviewer.api.post(`${en}/archive`, { version: 2 })).status).toBe(404);
    const archived = await reviewer.api.post(`${en}/archive`, { version: 1 });
    expect(archived.status).toBe(200);
    expect(archived.body.latest.status).toBe('archived');
    expect((await h.client().get('/info/en/archived-one')).status).toBe(404);
    expect((await reviewer.api.post(`${en}/archive`, { version: 1 })).status).toBe(409);

    const list = await author.api.get('/api/articles?limit=2');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items[0].languages).toHaveLength(12);
    const next = await author.api.get(`/api/articles?limit=50&cursor=${list.body.nextCursor}`);
    const slugs = [...list.body.items, ...next.body.items].map((a: { slug: string }) => a.slug);
    expect(slugs).toContain('archived-one');
    expect(new Set(slugs).size).toBe(slugs.length);
    expect((await outsider.api.get('/api/articles')).body.items).toEqual([]);
  });

  it('previews unsaved text as the public page renders it, escaped', async () => {
    const preview = await author.api.post('/api/articles/preview', {
      lang: 'ps',
      title: '<script>x</script>',
      summary: 'لنډیز',
      body: '**مهم** <img src=x onerror=alert(1)>',
    });
    expect(preview.status).toBe(200);
    expect(preview.body.dir).toBe('rtl');
    expect(preview.body.html).toContain('<strong>مهم</strong>');
    expect(preview.body.html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(preview.body.html).not.toContain('<img');
  });
});
