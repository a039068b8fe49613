import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E, signIn } from './helpers/browser.js';
import { enrolSecondFactor } from './helpers/totp.js';

describe('own account and the audit viewer', () => {
  const e2e = new E2E({ demoMode: true });
  beforeAll(() => e2e.start());
  afterAll(() => e2e.stop());

  it('creates an API token shown once, lists sessions, and shows the demo banner', async () => {
    const admin = await e2e.createUser(['admin']);
    const page = await e2e.newPage();
    await page.goto('/account');
    await signIn(page, admin.email);
    await page.getByTestId('demo-banner').waitFor();
    await page.getByRole('heading', { name: 'My account', level: 1 }).waitFor();
    await page.getByText('This device').waitFor();

    await page.getByLabel('Token name').fill('nightly export');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = ((await page.getByTestId('new-token').textContent()) ?? '').trim();
    expect(token.length).toBeGreaterThan(20);
    const response = await page.request.get('/api/me', { headers: { authorization: `Bearer ${token}` } });
    expect(response.status()).toBe(200);

    const row = page.getByRole('row').filter({ hasText: 'nightly export' });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.waitFor({ state: 'detached' });
    const revoked = await page.request.get('/api/me', { headers: { authorization: `Bearer ${token}` } });
    expect(revoked.status()).toBe(401);
  });

  it('lets a data protection officer read and filter the audit log', async () => {
    const dpo = await e2e.createUser(['data_protection_officer']);
    const page = await e2e.newPage();
    await page.goto('/');
    await signIn(page, dpo.email);
    await enrolSecondFactor(page, e2e.harness.clock.now);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Audit log' })
      .click();
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    expect(await table.getByText('auth.totp_enabled').count()).toBeGreaterThan(0);

    await page.getByLabel('Action', { exact: true }).fill('auth.login');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/action=auth\.login/);
    await table.getByText('auth.login').first().waitFor();
    expect(await table.getByText('auth.totp_enabled').count()).toBe(0);
  });
});
