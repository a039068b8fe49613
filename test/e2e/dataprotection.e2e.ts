import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../factories/people.js';
import type { TestUser } from '../helpers/harness.js';
import { chooseLanguage, E2E, htmlAttributes, signIn } from './helpers/browser.js';
import { enrolSecondFactor } from './helpers/totp.js';

describe('data protection in the browser', () => {
  const e2e = new E2E();
  let dpo: TestUser;
  let dpo2: TestUser;
  let registrar: TestUser;
  let personId = '';
  // The first officer's browser, signed in once (a second sign-in would need the second factor again).
  let dpoPage: Page;

  beforeAll(async () => {
    await e2e.start();
    const ngo = await e2e.harness.createOrg();
    dpo = await e2e.createUser(['data_protection_officer'], ngo.id);
    dpo2 = await e2e.createUser(['data_protection_officer'], ngo.id);
    registrar = await e2e.createUser(['registration_officer'], ngo.id);
    // The person is registered through the API (the registry's own pages are tested elsewhere).
    const registered = await registrar.api.post(
      '/api/people',
      buildPerson({ givenName: 'Semhar', fathersName: 'Gebremedhin' }),
    );
    expect(registered.status, registered.raw).toBe(201);
    personId = registered.body.person.id;
  });
  afterAll(() => e2e.stop());

  async function signedIn(user: TestUser): Promise<Page> {
    const page = await e2e.newPage();
    await page.goto('/');
    await signIn(page, user.email);
    await enrolSecondFactor(page, e2e.harness.clock.now);
    await page.getByRole('heading', { name: 'Welcome, Test User' }).waitFor();
    return page;
  }

  it('one officer files an erasure, a second approves it, and the person’s profile says it was erased', async () => {
    const first = await signedIn(dpo);
    dpoPage = first;
    await first
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Data protection' })
      .click();
    await first.getByRole('heading', { name: 'Retention policies' }).waitFor();
    await first.getByRole('tab', { name: 'Erasure requests' }).click();
    await first.getByLabel('Person identifier').fill(personId);
    await first.getByLabel('Ground for erasure (article 17(1))').selectOption('consent_withdrawn');
    await first.getByLabel('Note', { exact: true }).fill('Asked at the day centre');
    await first.getByRole('button', { name: 'File erasure request' }).click();
    const filed = first.getByTestId('erasure-request');
    await filed.getByText('Waiting for approval').waitFor();
    await filed.getByText('Asked at the day centre').waitFor();
    // The officer who filed it is not offered the approval.
    expect(await filed.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    const second = await signedIn(dpo2);
    await second.goto('/data-protection?tab=erasure');
    const pending = second.getByTestId('erasure-request');
    await pending.getByRole('button', { name: 'Approve' }).click();
    await pending.getByText('Erased', { exact: true }).waitFor();
    // The card code went with the person: the request names them only as erased.
    await pending.getByRole('link', { name: 'erased', exact: true }).waitFor();

    const profile = await signedIn(registrar);
    await profile.goto(`/people/${personId}`);
    // The registry answers 410 for an erased record: the profile says when, and no name is left.
    const erased = profile.getByTestId('profile-erased');
    await erased.getByText('Record erased').waitFor();
    const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(e2e.harness.clock.now());
    await erased.getByText(`This record was erased on ${day}.`).waitFor();
    expect(await profile.getByText('Page not found').count()).toBe(0);
    expect(await profile.getByText('Semhar').count()).toBe(0);
    expect(await profile.getByText('Gebremedhin').count()).toBe(0);
    await chooseLanguage(profile, 'Français');
    await erased.getByText(/^Ce dossier a été effacé le .+\.$/).waitFor();
    await chooseLanguage(profile, 'العربية');
    await erased.getByText(/^تم محو هذا السجل في .+\.$/).waitFor();
  });

  it('shows the retention report and refuses an erasure citing article 17(3), in Arabic too', async () => {
    const other = await registrar.api.post('/api/people', buildPerson({ givenName: 'Dawit' }));
    const otherId = other.body.person.id;
    const page = dpoPage;
    await page.goto('/data-protection');
    await page.getByLabel('Record type').selectOption('case');
    await page.getByLabel('Keep for (days)').fill('730');
    await page.getByRole('button', { name: 'Add policy' }).click();
    await page.getByTestId('retention-policies').getByText('Protection case').waitFor();
    await page.getByTestId('retention-preview').getByText('Protection case (closed)').waitFor();

    await page.getByRole('tab', { name: 'Erasure requests' }).click();
    await page.getByLabel('Person identifier').fill(otherId);
    await page.getByRole('button', { name: 'File erasure request' }).click();
    const row = page.getByTestId('erasure-request').filter({ hasText: 'Waiting for approval' });
    await row.getByRole('button', { name: 'Refuse' }).click();
    await row.getByLabel('Reason for refusal (article 17(3))').selectOption('legal_claims');
    await row.getByRole('button', { name: 'Confirm' }).click();
    await page.getByTestId('erasure-request').getByText('Legal claims (e)').waitFor();

    await chooseLanguage(page, 'العربية');
    await page.getByRole('heading', { name: 'طلبات المحو' }).waitFor();
    expect(await htmlAttributes(page)).toEqual({ dir: 'rtl', lang: 'ar' });
  });
});
