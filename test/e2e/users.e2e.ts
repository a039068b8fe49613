import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E, signIn } from './helpers/browser.js';

describe('user administration', () => {
  const e2e = new E2E();
  beforeAll(() => e2e.start());
  afterAll(() => e2e.stop());

  it('lets an admin create a user through the form and see it in the list', async () => {
    const admin = await e2e.createUser(['admin']);
    const page = await e2e.newPage();
    await page.goto('/');
    await signIn(page, admin.email);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Users' })
      .click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    const table = page.getByTestId('users-table');
    await table.getByText(admin.email).waitFor();

    const email = `${e2e.harness.unique('new')}@example.org`;
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Name', { exact: true }).fill('Amina Haddad');
    await page.getByRole('group', { name: 'Roles' }).getByLabel('Caseworker').check();
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create user' }).click();
    // The server's field message appears beside the field; nothing is created.
    await page.locator('.mantine-InputWrapper-error').first().waitFor();
    expect(await table.getByText(email).count()).toBe(0);

    await page.getByLabel('Password', { exact: true }).fill('a-long-enough-field-password');
    await page.getByRole('button', { name: 'Create user' }).click();
    const row = table.getByRole('row').filter({ hasText: email });
    await row.waitFor();
    expect(await row.textContent()).toContain('Amina Haddad');
    expect(await row.textContent()).toContain('Caseworker');
    expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe('');
  });

  it('disables an account from the edit dialog driven by the server’s allowed actions', async () => {
    const admin = await e2e.createUser(['admin']);
    const colleague = await e2e.createUser(['analyst'], admin.orgId);
    const page = await e2e.newPage();
    await page.goto('/users');
    await signIn(page, admin.email);
    await page.getByRole('button', { name: `Edit: ${colleague.email}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/Account disabled/).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByTestId('users-table').getByRole('row').filter({ hasText: colleague.email });
    await row.getByText('Disabled').waitFor();

    // On their own account an admin may only rename themselves.
    await page.getByRole('button', { name: `Edit: ${admin.email}` }).click();
    await page.getByRole('dialog').getByText('This is your own account').waitFor();
    expect(await page.getByRole('dialog').getByRole('group', { name: 'Roles' }).count()).toBe(0);
  });

  it('lists organisations and lets an admin create one', async () => {
    const admin = await e2e.createUser(['admin']);
    const page = await e2e.newPage();
    await page.goto('/organisations');
    await signIn(page, admin.email);
    await page.getByRole('heading', { name: 'Organisations', level: 1 }).waitFor();
    const slug = e2e.harness.unique('unhcr');
    await page.getByLabel('Name', { exact: true }).fill('UNHCR Calais office');
    await page.getByLabel('Short code (slug)').fill(slug);
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.getByTestId('organisations-table').getByText(slug).waitFor();
  });
});
