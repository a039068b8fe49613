import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage, E2E, htmlAttributes, signIn } from './helpers/browser.js';

describe('languages and right-to-left', () => {
  const e2e = new E2E();
  beforeAll(() => e2e.start());
  afterAll(() => e2e.stop());

  it('switches the sign-in page to Arabic, right to left, and remembers it on the device', async () => {
    const page = await e2e.newPage();
    await page.goto('/');
    const selector = page.getByRole('combobox', { name: /Language/ });
    await selector.click();
    const names = await page.getByRole('option').allTextContents();
    expect(names).toEqual(['English', 'Français', 'العربية']);
    await page.getByRole('option', { name: 'العربية' }).click();

    await page.waitForFunction("document.documentElement.dir === 'rtl'");
    expect(await htmlAttributes(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    expect(await selector.getAttribute('aria-label')).toBe('اللغة — Language');
    await page.getByRole('button', { name: 'تسجيل الدخول' }).waitFor();

    await page.reload();
    await page.getByRole('button', { name: 'تسجيل الدخول' }).waitFor();
    expect(await htmlAttributes(page)).toEqual({ dir: 'rtl', lang: 'ar' });

    await chooseLanguage(page, 'Français');
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    expect(await htmlAttributes(page)).toEqual({ dir: 'ltr', lang: 'fr' });
    expect(await page.getByRole('combobox', { name: /Language/ }).getAttribute('aria-label')).toBe(
      'Langue — Language',
    );
  });

  it('remembers a signed-in user’s choice on their account, across reloads and devices', async () => {
    const admin = await e2e.createUser(['admin']);
    const page = await e2e.newPage();
    await page.goto('/');
    await signIn(page, admin.email);
    await page.getByRole('heading', { name: 'Welcome, Test User' }).waitFor();

    await chooseLanguage(page, 'العربية');
    await page.waitForFunction("document.documentElement.dir === 'rtl'");
    expect(await htmlAttributes(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    await page.getByRole('heading', { name: 'مرحبًا، Test User' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'مرحبًا، Test User' }).waitFor();
    expect(await htmlAttributes(page)).toEqual({ dir: 'rtl', lang: 'ar' });

    // Another device, nothing stored locally: the account's language applies after sign-in.
    const other = await e2e.newPage();
    await other.goto('/');
    expect(await htmlAttributes(other)).toEqual({ dir: 'ltr', lang: 'en' });
    await signIn(other, admin.email);
    await other.getByRole('heading', { name: 'مرحبًا، Test User' }).waitFor();
    expect(await htmlAttributes(other)).toEqual({ dir: 'rtl', lang: 'ar' });
  });
});
