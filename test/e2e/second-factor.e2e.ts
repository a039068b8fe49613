import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E, signIn } from './helpers/browser.js';
import { enrolSecondFactor, totpCode } from './helpers/totp.js';

describe('second factor', () => {
  const e2e = new E2E();
  beforeAll(() => e2e.start());
  afterAll(() => e2e.stop());

  it('enrols a caseworker, then asks for the authentication code at the next sign-in', async () => {
    const caseworker = await e2e.createUser(['caseworker']);
    const clock = e2e.harness.clock;
    const page = await e2e.newPage();
    await page.goto('/');
    await signIn(page, caseworker.email);

    const { secret, recoveryCodes } = await enrolSecondFactor(page, clock.now);
    expect(recoveryCodes.length).toBeGreaterThanOrEqual(5);
    await page.getByRole('heading', { name: 'Welcome, Test User' }).waitFor();

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signIn(page, caseworker.email);
    const codeField = page.getByLabel('Authentication code', { exact: true });
    await codeField.waitFor();
    expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await codeField.getAttribute('inputmode')).toBe('numeric');

    // A code is accepted once: move to the next 30-second step (the server's clock is the
    // harness clock) so the code differs from the one used for enrolment.
    clock.advance(30_000);
    await codeField.fill(totpCode(secret, clock.now()));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Welcome, Test User' }).waitFor();

    // Lost phone: a recovery code signs in once.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signIn(page, caseworker.email);
    await page.getByRole('button', { name: /recovery code/ }).click();
    await page.getByLabel('Recovery code', { exact: true }).fill(recoveryCodes[0] ?? '');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Welcome, Test User' }).waitFor();
  });

  it('refuses a wrong code with the server message and lets the person try again', async () => {
    const caseworker = await e2e.createUser(['caseworker']);
    const page = await e2e.newPage();
    await page.goto('/');
    await signIn(page, caseworker.email);
    await page.getByTestId('totp-secret').waitFor();
    await page.getByLabel('Authentication code', { exact: true }).fill('000000');
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.getByText('does not match').waitFor();
    await enrolSecondFactor(page, e2e.harness.clock.now);
    await page.getByRole('heading', { name: 'Welcome, Test User' }).waitFor();
  });
});
