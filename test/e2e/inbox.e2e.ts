import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../helpers/harness.js';
import { chooseLanguage, E2E, signIn } from './helpers/browser.js';
import { enrolSecondFactor } from './helpers/totp.js';

describe('the home inbox in the browser', () => {
  const e2e = new E2E();
  let officer: TestUser;
  let page: Page;
  let requestId: string;

  beforeAll(async () => {
    await e2e.start();
    const ngo = await e2e.harness.createOrg();
    officer = await e2e.createUser(['reunification_officer'], ngo.id);
    // A tracing request, then a registration that matches it: the officer gets a tracing alert.
    const request = await officer.api.post('/api/tracing-requests', {
      enquirer: {
        kind: 'outside',
        givenName: 'Mehari',
        city: 'Birmingham',
        country: 'GBR',
        legalStatus: 'citizen',
        consentToTracing: true,
      },
      sought: { givenName: 'Ruth', fathersName: 'Mehari', sex: 'female', age: 17, nationality: 'ERI' },
      relationship: 'niece_nephew',
    });
    expect(request.status, request.raw).toBe(201);
    requestId = (request.body as { id: string }).id;
    const registrar = await e2e.createUser(['registration_officer'], ngo.id);
    const ruth = await registrar.api.post('/api/people', {
      givenName: 'Ruth',
      fathersName: 'Mehari',
      sex: 'female',
      birthYear: new Date().getUTCFullYear() - 17,
      ageEstimated: true,
      nationality: 'ERI',
      languages: ['ti'],
      consent: { basis: 'consent', purposes: ['services', 'tracing'] },
    });
    expect(ruth.status, ruth.raw).toBe(201);
    page = await e2e.newPage();
    await page.goto('/');
    await signIn(page, officer.email);
    await enrolSecondFactor(page, e2e.harness.clock.now);
    await page.getByRole('heading', { name: 'Welcome, Test User' }).waitFor();
  });

  afterAll(() => e2e.stop());

  it('names a reunification alert in the reader’s language and links to its tracing request', async () => {
    const inbox = page.getByTestId('alert-inbox');
    await chooseLanguage(page, 'Français');
    await inbox.getByText('Un nouvel enregistrement pourrait être la personne recherchée').waitFor();
    await chooseLanguage(page, 'العربية');
    await inbox.getByText('قد يكون تسجيل جديد هو الشخص المبحوث عنه').waitFor();
    await chooseLanguage(page, 'English');
    const link = inbox.getByRole('link', { name: 'A new registration may be the person sought' });
    expect(await link.getAttribute('href')).toBe(`/reunification/tracing/${requestId}`);
    await link.click();
    await page.getByRole('heading', { name: 'Tracing request: Ruth Mehari' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/reunification/tracing/${requestId}`);
  });
});
