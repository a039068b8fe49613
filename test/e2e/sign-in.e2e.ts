import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E, htmlAttributes, signIn } from './helpers/browser.js';

describe('sign-in and the app shell', () => {
  const e2e = new E2E();
  beforeAll(() => e2e.start());
  afterAll(() => e2e.stop());

  it('signs an admin in with Email, Password and "Sign in", and shows the home page', async () => {
    const admin = await e2e.createUser(['admin']);
    const page = await e2e.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      // The first /api/me before sign-in answers 401 by design; anything else is a problem.
      if (message.type() === 'error' && !/status of 401/.test(message.text())) problems.push(message.text());
    });

    await page.goto('/');
    expect(await htmlAttributes(page)).toEqual({ dir: 'ltr', lang: 'en' });
    await signIn(page, admin.email);

    await page.getByRole('heading', { name: 'Welcome, Test User' }).waitFor();
    expect(await page.getByTestId('home-organisation').textContent()).toMatch(/^Test org-/);
    // Admin modules are linked; modules not built yet are not.
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Users' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'People' }).count()).toBe(0);
    // The manifest is linked and served; nothing was blocked by the CSP or failed in the page.
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
    const manifest = await page.request.get('/manifest.webmanifest');
    expect((await manifest.json()).name).toBe('Passerelle');
    expect(problems).toEqual([]);
  });

  it('shows the server message for a wrong password and stays on the sign-in page', async () => {
    const admin = await e2e.createUser(['admin']);
    const page = await e2e.newPage();
    await page.goto('/users');
    await signIn(page, admin.email, 'not-the-right-password');
    const alert = page.getByTestId('sign-in-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('not accepted');
    await signIn(page, admin.email);
    // Signing in keeps the address that was asked for.
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
  });

  it('signs out, and a later 401 brings the sign-in page back', async () => {
    const admin = await e2e.createUser(['admin']);
    const page = await e2e.newPage();
    await page.goto('/');
    await signIn(page, admin.email);
    await page.getByRole('heading', { name: 'Welcome, Test User' }).waitFor();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByLabel('Email', { exact: true }).waitFor();

    await signIn(page, admin.email);
    await page.getByRole('heading', { name: 'Welcome, Test User' }).waitFor();
    await page.context().clearCookies();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Users' })
      .click();
    await page.getByLabel('Password', { exact: true }).waitFor();
  });

  it('collapses the navigation behind a menu button on a phone', async () => {
    const admin = await e2e.createUser(['admin']);
    const page = await e2e.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await page.goto('/');
    await signIn(page, admin.email);
    await page.getByRole('heading', { name: 'Welcome, Test User' }).waitFor();
    const usersLink = page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Users' });
    // Closed, the navbar is off screen.
    const closed = await usersLink.boundingBox();
    expect((closed?.x ?? 0) + (closed?.width ?? 0)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Open or close the menu' }).click();
    await usersLink.click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    // The list scrolls sideways instead of squeezing the page.
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
  });
});
