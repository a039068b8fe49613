import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Role } from '../../../src/modules/access/roles.js';
import { type App, buildApp } from '../../../src/server/app.js';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../helpers/chromium.js';
import { Harness, TEST_PASSWORD, type TestUser } from '../../helpers/harness.js';

export { TEST_PASSWORD };

export const WEB_DIR = fileURLToPath(new URL('../../../dist/web', import.meta.url));
const CHROMIUM = CHROMIUM_PATH;
const CHROMIUM_ARGS = [...CHROMIUM_FLAGS, '--disable-quic', '--no-first-run'];

/**
 * The real app (fresh migrated SQLite database, built web UI) listening on a free local port,
 * and a headless Chromium to drive it. One per test file.
 */
export class E2E {
  readonly harness = new Harness('sqlite');
  private app?: App;
  private browserInstance?: Browser;
  private contexts: BrowserContext[] = [];
  baseUrl = '';

  constructor(private readonly options: { demoMode?: boolean } = {}) {}

  async start(): Promise<void> {
    if (!existsSync(`${WEB_DIR}/index.html`)) {
      throw new Error(`${WEB_DIR}/index.html is missing: run \`npm run build\` before the browser tests`);
    }
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
    }
    await this.harness.setup();
    this.app = await buildApp(
      { ...this.harness.deps, demoMode: this.options.demoMode ?? false, webDir: WEB_DIR },
      {},
    );
    const address = await this.app.listen({ port: 0, host: '127.0.0.1' });
    this.baseUrl = address.replace('localhost', '127.0.0.1');
    this.browserInstance = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
    });
  }

  async stop(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browserInstance?.close();
    await this.app?.close();
    await this.harness.teardown();
  }

  /** A new browser profile (own cookies and storage), English, desktop-sized unless told. */
  async newPage(
    options: { viewport?: { width: number; height: number }; isMobile?: boolean } = {},
  ): Promise<Page> {
    if (!this.browserInstance) throw new Error('E2E not started');
    const context = await this.browserInstance.newContext({
      baseURL: this.baseUrl,
      locale: 'en-GB',
      viewport: options.viewport ?? { width: 1280, height: 800 },
      isMobile: options.isMobile ?? false,
      hasTouch: options.isMobile ?? false,
    });
    context.setDefaultTimeout(15_000);
    this.contexts.push(context);
    return context.newPage();
  }

  createUser(roles: Role[], orgId?: string): Promise<TestUser> {
    return this.harness.createUser(roles, orgId);
  }
}

/** Fills the sign-in form the way a person (or an outside check) does: by the English labels. */
export async function signIn(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Opens the language selector and picks a language by its own name. */
export async function chooseLanguage(page: Page, name: 'English' | 'Français' | 'العربية'): Promise<void> {
  await page.getByRole('combobox', { name: /Language/ }).click();
  await page.getByRole('option', { name, exact: true }).click();
}

/** The page's `<html>` attributes, read without DOM types (the test tsconfig has none). */
export async function htmlAttributes(page: Page): Promise<{ dir: string | null; lang: string | null }> {
  const html = page.locator('html');
  return { dir: await html.getAttribute('dir'), lang: await html.getAttribute('lang') };
}
