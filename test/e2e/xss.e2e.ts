import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../factories/people.js';
import type { TestUser } from '../helpers/harness.js';
import { E2E, signIn } from './helpers/browser.js';
import { enrolSecondFactor } from './helpers/totp.js';

/**
 * Script-bearing text stored through the API the way an attacker with a registration or an
 * article login would store it, then shown on the people, cases and information pages and on the
 * public site. No payload may run (each one would set `window.__xss`), no injected element may
 * appear, no Content-Security-Policy violation may be reported (which would mean markup got into
 * the page and only the policy stopped it), and each text must read literally on the page.
 */
const PAYLOADS = {
  img: `<img src=x onerror="window.__xss='img'">`,
  script: `<script>window.__xss='script'</script>`,
  svg: `"><svg onload="window.__xss='svg'">`,
  style: `<style>body{display:none}</style><b onmouseover="window.__xss='b'">bold</b>`,
};
const INJECTED = 'img[src="x"], svg[onload], script:not([src]), b[onmouseover], iframe[src^="javascript"]';

/** Counts CSP violations and dialogs from the first script of every page. */
const WATCH = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
`;

async function expectInert(page: Page, where: string): Promise<void> {
  // The texts are already on the page; a moment more for late handlers (onerror, onload) to fire.
  await page.waitForLoadState('load');
  await page.waitForTimeout(300);
  const state = await page.evaluate(
    `({ xss: window.__xss ?? null, csp: window.__cspViolations ?? [], injected: document.querySelectorAll(${JSON.stringify(INJECTED)}).length })`,
  );
  expect(state, where).toEqual({ xss: null, csp: [], injected: 0 });
}

describe('stored XSS: script-bearing names, notes and articles stay text', () => {
  const e2e = new E2E();
  let staff: TestUser;
  let personId = '';
  let personCode = '';
  let caseId = '';
  let articleId = '';
  const slug = 'xss-check';
  const dialogs: string[] = [];

  beforeAll(async () => {
    await e2e.start();
    const org = await e2e.harness.createOrg();
    staff = await e2e.createUser(['registration_officer', 'caseworker', 'information_officer'], org.id);
    const reviewer = await e2e.createUser(['information_officer'], org.id);
    const person = await staff.api.post(
      '/api/people',
      buildPerson({
        givenName: `Amal ${PAYLOADS.img}`,
        familyName: PAYLOADS.script,
        otherNames: [PAYLOADS.svg],
        notes: PAYLOADS.style,
      }),
    );
    expect(person.status, person.raw).toBe(201);
    personId = person.body.person.id;
    personCode = person.body.person.code;
    const opened = await staff.api.post('/api/cases', {
      personId,
      type: 'general_protection',
      risk: 'medium',
      riskReason: PAYLOADS.svg,
    });
    expect(opened.status, opened.raw).toBe(201);
    caseId = opened.body.id;
    const note = await staff.api.post(`/api/cases/${caseId}/notes`, { text: PAYLOADS.img });
    expect(note.status, note.raw).toBe(201);

    const article = await staff.api.post('/api/articles', {
      slug,
      topic: 'asylum',
      sourceLang: 'en',
      title: `Title ${PAYLOADS.script}`,
      summary: `Summary ${PAYLOADS.img}`,
      body: [
        `Raw markup: ${PAYLOADS.svg}`,
        '[tap here](javascript:window.__xss=%27link%27)',
        `<iframe src="javascript:window.__xss='iframe'"></iframe>`,
        PAYLOADS.style,
      ].join('\n\n'),
    });
    expect(article.status, article.raw).toBe(201);
    articleId = article.body.id;
    const base = `/api/articles/${articleId}/translations/en`;
    const version = (await staff.api.get(base)).body.latest.version;
    await staff.api.post(`${base}/submit`, { version });
    const published = await reviewer.api.post(`${base}/review`, { version, decision: 'publish' });
    expect(published.status, published.raw).toBe(200);
  });
  afterAll(() => e2e.stop());

  let signedInPage: Page | undefined;
  /** One signed-in page for the staff user (the second factor is enrolled once). */
  async function signedIn(): Promise<Page> {
    if (signedInPage) return signedInPage;
    const page = await e2e.newPage();
    signedInPage = page;
    await page.addInitScript(WATCH);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto('/people');
    await signIn(page, staff.email);
    await enrolSecondFactor(page, e2e.harness.clock.now);
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    return page;
  }

  it('shows names and notes literally in the people search and profile, and the case page', async () => {
    const page = await signedIn();
    await page.goto(`/people?q=${encodeURIComponent(personCode)}`);
    await page.getByTestId('person-hit').getByText(PAYLOADS.img, { exact: false }).first().waitFor();
    await expectInert(page, 'people search');

    await page.goto(`/people/${personId}`);
    await page.getByRole('heading', { level: 1 }).getByText(PAYLOADS.img, { exact: false }).waitFor();
    await page.getByText(PAYLOADS.script, { exact: false }).first().waitFor();
    await page.getByText(PAYLOADS.svg, { exact: false }).first().waitFor();
    await page.getByText(PAYLOADS.style, { exact: false }).first().waitFor();
    await expectInert(page, 'person profile');

    await page.goto(`/cases/${caseId}`);
    await page.getByText(PAYLOADS.svg, { exact: false }).first().waitFor();
    await page.getByText(PAYLOADS.img, { exact: false }).first().waitFor();
    await expectInert(page, 'case page');
    expect(dialogs).toEqual([]);
  });

  it('shows the article literally on the information board and in the editor’s preview', async () => {
    const page = await signedIn();
    await page.goto('/information');
    await page.getByTestId('status-board').getByText(PAYLOADS.script, { exact: false }).first().waitFor();
    await expectInert(page, 'information board');

    await page.goto(`/information/articles/${articleId}/en`);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = page.frameLocator('[data-testid="article-preview"]');
    await preview.getByText(PAYLOADS.svg, { exact: false }).first().waitFor();
    expect(await preview.locator(INJECTED).count(), 'markup inside the preview').toBe(0);
    expect(await preview.locator('a[href^="javascript"]').count(), 'javascript: link in the preview').toBe(0);
    await expectInert(page, 'article editor');
    expect(dialogs).toEqual([]);
  });

  it('serves the public article with the markup escaped in its HTML and shown as text', async () => {
    const page = await e2e.newPage();
    await page.addInitScript(WATCH);
    const response = await page.goto(`/info/en/${slug}`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { level: 1 }).getByText(PAYLOADS.script, { exact: false }).waitFor();
    await page.getByText(PAYLOADS.img, { exact: false }).first().waitFor();
    await page.getByText(PAYLOADS.svg, { exact: false }).first().waitFor();
    await page.getByText(PAYLOADS.style, { exact: false }).first().waitFor();
    expect(await page.locator('a[href^="javascript"]').count(), 'javascript: link').toBe(0);
    await expectInert(page, 'public article');
    const html = (await response?.text()) ?? '';
    expect(html).not.toContain(PAYLOADS.img);
    expect(html).not.toContain('<script>window.__xss');
    expect(html).toContain('&lt;img src=x onerror=');
  });
});
