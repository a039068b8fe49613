import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestPerson } from '../../src/modules/information/testing/people.fixture.js';
import type { TestUser } from '../helpers/harness.js';
import { E2E, htmlAttributes, signIn } from './helpers/browser.js';
import { enrolSecondFactor } from './helpers/totp.js';

describe('information and counselling in the browser', () => {
  const e2e = new E2E();
  let author: TestUser;
  let reviewer: TestUser;
  let articleId = '';

  /** A browser profile with JavaScript switched off, as on a locked-down or very old phone. */
  async function noScriptContext() {
    const browser = (await e2e.newPage()).context().browser();
    if (!browser) throw new Error('no browser');
    return browser.newContext({ baseURL: e2e.baseUrl, javaScriptEnabled: false });
  }

  async function publish(lang: string, text?: Record<string, unknown>) {
    const base = `/api/articles/${articleId}/translations/${lang}`;
    const saved = text ? await author.api.put(base, text) : await author.api.get(base);
    const version = saved.body.latest.version;
    await author.api.post(`${base}/submit`, { version });
    const published = await reviewer.api.post(`${base}/review`, { version, decision: 'publish' });
    if (published.status !== 200) throw new Error(`publish ${lang}: ${published.raw}`);
  }

  beforeAll(async () => {
    await e2e.start();
    const org = await e2e.harness.createOrg();
    author = await e2e.createUser(['information_officer'], org.id);
    reviewer = await e2e.createUser(['information_officer'], org.id);
    const created = await author.api.post('/api/articles', {
      slug: 'asylum-in-france',
      topic: 'asylum',
      sourceLang: 'en',
      title: 'Asking for asylum in France',
      summary: 'You can ask France for protection. Asking is free.',
      body: '## The steps\n\n1. Go to a reception platform.\n2. Go to the single desk.',
      blocks: [{ type: 'phone', label: 'Emergency accommodation', number: '115' }],
    });
    articleId = created.body.id;
    await publish('en');
    await publish('ar', {
      title: 'طلب اللجوء في فرنسا',
      summary: 'يمكنك أن تطلب الحماية من فرنسا. الطلب مجاني.',
      body: '## الخطوات\n\n1. اذهب إلى منصة الاستقبال.\n2. اذهب إلى الشباك الموحّد.',
      blocks: [{ type: 'phone', label: 'السكن الطارئ', number: '115' }],
    });
    await publish('fr', {
      title: 'Demander l’asile en France',
      summary: 'Vous pouvez demander la protection de la France.',
      body: 'Allez à une plateforme d’accueil.',
    });
  });
  afterAll(() => e2e.stop());

  it('serves the Arabic page right to left, in Arabic, readable with JavaScript disabled', async () => {
    const context = await noScriptContext();
    try {
      const page = await context.newPage();
      const response = await page.goto('/info/ar/asylum-in-france');
      expect(response?.status()).toBe(200);
      expect(await htmlAttributes(page)).toEqual({ dir: 'rtl', lang: 'ar' });
      await page.getByRole('heading', { level: 1, name: 'طلب اللجوء في فرنسا' }).waitFor();
      expect(await page.getByRole('link', { name: '115' }).getAttribute('href')).toBe('tel:115');
      // The stylesheet applied (no script needed): the header bar is the site's dark blue.
      // The test project has no DOM types; getComputedStyle is reached through globalThis.
      const bar = await page
        .locator('header.bar')
        .evaluate(
          (el) =>
            (
              globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
            ).getComputedStyle(el).backgroundColor,
        );
      expect(bar).toBe('rgb(10, 58, 140)');
      expect(await context.cookies()).toEqual([]);
      // The language picker names every language in its own script, and leads to the same page.
      await page.goto('/info');
      await page.getByRole('link', { name: /^العربية/ }).click();
      expect(await htmlAttributes(page)).toEqual({ dir: 'rtl', lang: 'ar' });
      await page.getByRole('link', { name: 'طلب اللجوء في فرنسا' }).click();
      await page.getByRole('heading', { level: 1, name: 'طلب اللجوء في فرنسا' }).waitFor();
    } finally {
      await context.close();
    }
  });

  /** Signs a user in for the first time (which enrols their second factor) at /information. */
  async function signInAsInformationOfficer(user: TestUser) {
    const page = await e2e.newPage();
    await page.goto('/information');
    await signIn(page, user.email);
    await enrolSecondFactor(page, e2e.harness.clock.now);
    await page.getByRole('heading', { level: 1, name: 'Information and counselling' }).waitFor();
    return page;
  }

  it('flags the translations as outdated once the source text changes', async () => {
    const changed = await reviewer.api.put(`/api/articles/${articleId}/translations/en`, {
      title: 'Asking for asylum in France',
      summary: 'You can ask France for protection. Asking is free.',
      body: '## The steps\n\n1. Go to a reception platform.\n2. Go to the single desk.\n3. Send your file to OFPRA.',
      blocks: [{ type: 'phone', label: 'Emergency accommodation', number: '115' }],
    });
    expect(changed.body.article.sourceVersion).toBe(2);

    const page = await signInAsInformationOfficer(author);
    const board = page.getByTestId('status-board');
    await board.waitFor();
    const row = board.locator('tr[data-slug="asylum-in-france"]');
    expect(await row.locator('[data-lang="ar"]').getAttribute('data-state')).toBe('outdated');
    expect(await row.locator('[data-lang="fr"]').getAttribute('data-state')).toBe('outdated');
    expect(await row.locator('[data-lang="en"]').getAttribute('data-state')).toBe('draft');
    expect(await row.locator('[data-lang="ti"]').getAttribute('data-state')).toBe('missing');

    // The Arabic editor shows the new source beside the translation, typed right to left.
    await row.locator('[data-lang="ar"]').click();
    await page.getByTestId('outdated-alert').waitFor();
    expect(await page.getByTestId('outdated-alert').textContent()).toContain('source version 1');
    expect(await page.getByTestId('source-text').textContent()).toContain('Send your file to OFPRA');
    const body = page.getByLabel('Text (Markdown)');
    expect(await body.getAttribute('dir')).toBe('rtl');
    expect(await body.getAttribute('lang')).toBe('ar');
    const direction = await body.evaluate(
      (el) =>
        (globalThis as unknown as { getComputedStyle(e: unknown): { direction: string } }).getComputedStyle(
          el,
        ).direction,
    );
    expect(direction).toBe('rtl');

    // Readers of the public page are told too.
    const reader = await noScriptContext();
    const publicPage = await reader.newPage();
    await publicPage.goto('/info/fr/asylum-in-france');
    await publicPage.getByText('Le texte original a changé').waitFor();
    await reader.close();
  });

  it('records a counselling session for a registered person', async () => {
    const person = await insertTestPerson(e2e.harness.db, e2e.harness.keys, author.orgId);
    const counsellor = await e2e.createUser(['information_officer'], author.orgId);
    const page = await signInAsInformationOfficer(counsellor);
    await page.getByRole('tab', { name: 'Counselling' }).click();
    await page.getByRole('heading', { name: 'Record a counselling session' }).waitFor();
    await page.getByLabel('Language of the session').selectOption('ti');
    await page.getByLabel('An interpreter was used').check();
    await page.getByLabel('Person ID').fill(person.id);
    await page.getByRole('checkbox', { name: 'Family reunification' }).first().check();
    await page.getByLabel('The person’s stated intention').selectOption('family_reunification');
    await page.getByLabel('Notes (stored encrypted)').fill('Brother in Germany.');
    await page.getByRole('button', { name: 'Record session' }).click();
    await page.getByText('Session recorded.').waitFor();

    const rows = await e2e.harness.db
      .selectFrom('counselling_sessions')
      .selectAll()
      .where('person_id', '=', person.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      language: 'ti',
      interpreter_used: 1,
      stated_intention: 'family_reunification',
    });
    expect(rows[0]!.notes).not.toContain('Germany');
    const table = page.getByTestId('counselling-sessions');
    await table
      .getByText(/^T[0-9A-Z]{8}$/)
      .first()
      .waitFor();
  });
});
