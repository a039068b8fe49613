import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { change, registerDevice, sync } from '../../src/modules/sync/testing/sync.fixture.js';
import { buildPerson } from '../factories/people.js';
import type { TestUser } from '../helpers/harness.js';
import { chooseLanguage, E2E, htmlAttributes, signIn } from './helpers/browser.js';
import { enrolSecondFactor } from './helpers/totp.js';

const PIN = '482916';

describe('offline field registration in the browser', () => {
  const e2e = new E2E();
  let registrar: TestUser;
  let colleague: TestUser;
  let filmonId = '';

  beforeAll(async () => {
    await e2e.start();
    const ngo = await e2e.harness.createOrg();
    registrar = await e2e.createUser(['registration_officer'], ngo.id);
    colleague = await e2e.createUser(['registration_officer'], ngo.id);
    const registered = await colleague.api.post(
      '/api/people',
      buildPerson({ givenName: 'Filmon', fathersName: 'Kidane', phone: '+33 6 00 00 00 01' }),
    );
    expect(registered.status).toBe(201);
    filmonId = registered.body.person.id;
  });
  afterAll(() => e2e.stop());

  /** People on the server with this given name, as the registrar's organisation sees them. */
  async function onServer(givenName: string): Promise<{ id: string; householdId: string | null }[]> {
    const found = await registrar.api.get(`/api/people?q=${encodeURIComponent(givenName)}`);
    expect(found.status).toBe(200);
    return found.body.items.filter((p: { givenName: string }) => p.givenName === givenName);
  }

  async function registerOffline(
    page: Page,
    givenName: string,
    sex: string,
    household: string,
    relationship?: string,
  ) {
    await page.getByLabel('Given name', { exact: true }).fill(givenName);
    await page.getByLabel('Family name', { exact: true }).fill('Tesfay');
    await page.getByLabel('Sex', { exact: true }).selectOption(sex);
    await page.getByLabel('Year of birth', { exact: true }).fill('1990');
    await page.getByLabel('Household', { exact: true }).selectOption(household);
    if (relationship) await page.getByLabel('Relationship to the household').selectOption(relationship);
    await page.getByRole('button', { name: 'Save offline' }).click();
    await page.getByTestId('register-saved').getByText(`${givenName} Tesfay is saved`).waitFor();
  }

  async function unlock(page: Page) {
    await page.getByRole('heading', { name: 'Unlock offline data' }).waitFor();
    await page.getByLabel('Device PIN', { exact: true }).fill(PIN);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByTestId('sync-panel').waitFor();
  }

  it('opens with no connection, registers a household offline, syncs it once, and shows a conflict', async () => {
    const page = await e2e.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    const context = page.context();
    await page.goto('/');
    await signIn(page, registrar.email);
    await enrolSecondFactor(page, e2e.harness.clock.now);
    await page.getByRole('heading', { name: 'Welcome, Test User' }).waitFor();
    // The service worker controls the page once it has cached the app shell, lazy pages included.
    await page.evaluate(
      "navigator.serviceWorker.controller || new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r))",
    );
    const cached = (await page.evaluate(
      "caches.open('passerelle-shell-v1').then((c) => c.keys()).then((keys) => keys.map((r) => new URL(r.url).pathname))",
    )) as string[];
    expect(cached).toContain('/index.html');
    expect(cached.some((path) => /^\/assets\/OfflineApp-.*\.js$/.test(path))).toBe(true);
    expect(cached.some((path) => path.startsWith('/api/'))).toBe(false);
    // The worker and the manifest are served with their types, revalidated, and allowed by the CSP.
    const worker = await page.request.get('/sw.js');
    expect(worker.headers()['content-type']).toMatch(/javascript/);
    expect(worker.headers()['cache-control']).toBe('no-cache');
    expect(worker.headers()['content-security-policy']).toContain("worker-src 'self'");
    const asset = cached.find((path) => path.startsWith('/assets/')) ?? '';
    expect((await page.request.get(asset)).headers()['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    const manifest = await page.request.get('/manifest.webmanifest');
    expect(manifest.headers()['content-type']).toMatch(/manifest\+json/);
    expect(manifest.headers()['content-security-policy']).toContain("manifest-src 'self'");

    await page.goto('/offline');
    await page.getByRole('heading', { name: 'Prepare this device' }).waitFor();
    await page.getByLabel('Device name', { exact: true }).fill('Tent 3 phone');
    await page.getByLabel('Device PIN', { exact: true }).fill(PIN);
    await page.getByLabel('Confirm PIN', { exact: true }).fill(PIN);
    await page.getByRole('button', { name: 'Prepare for offline work' }).click();
    await page.getByTestId('sync-panel').getByText('Changes waiting to be sent: 0').waitFor();
    // The device is listed with the user's devices, and the server knows it.
    await page.getByTestId('devices').getByText('Tent 3 phone').waitFor();
    const devices = await registrar.api.get('/api/me/devices');
    expect(devices.body.items.map((d: { name: string }) => d.name)).toEqual(['Tent 3 phone']);

    // Filmon is marked for offline use; the next sync brings his record to the device.
    await page.getByRole('tab', { name: 'People' }).click();
    await page.getByLabel('Name, card code or phone').fill('Filmon');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('button', { name: 'Keep offline' }).click();
    await page.getByRole('button', { name: 'Stop keeping offline' }).waitFor();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByTestId('kept-person').getByText('Filmon', { exact: true }).waitFor();

    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('offline-app').waitFor();
    await unlock(page);
    await page.getByTestId('connection').getByText('Offline').waitFor();
    await page.getByRole('tab', { name: 'Register' }).click();
    await registerOffline(page, 'Amanuel', 'male', 'new', 'head');
    await registerOffline(page, 'Saba', 'female', 'current', 'spouse');
    await registerOffline(page, 'Yonas', 'male', 'current', 'child');
    await page.getByTestId('sync-panel').getByText('Changes waiting to be sent: 4').waitFor();

    // Filmon's phone is changed on this device.
    await page.getByRole('tab', { name: 'People' }).click();
    await page.getByLabel('Record for Filmon').selectOption('phone');
    await page.getByLabel('Phone', { exact: true }).fill('+33 6 22 22 22 22');
    await page.getByRole('button', { name: 'Save offline' }).click();
    await page.getByText('Phone change saved').waitFor();
    // A colleague's device, also offline since it read Filmon, changed his phone too and synced first.
    const current = await colleague.api.get(`/api/people/${filmonId}`);
    const otherDevice = await registerDevice(colleague, 'Tent 5 phone');
    const first = await sync(colleague, otherDevice.device.id, [
      change({
        kind: 'person.update',
        target: filmonId,
        baseVersion: current.body.version,
        base: { phone: '+33 6 00 00 00 01' },
        payload: { phone: '+33 6 33 33 33 33' },
      }),
    ]);
    expect(first.body.results[0]).toMatchObject({ status: 'applied', applied: ['phone'] });

    // Reloaded with no connection, the work done offline is still there.
    await page.reload();
    await unlock(page);
    await page.getByTestId('sync-panel').getByText('Changes waiting to be sent: 5').waitFor();
    await page.getByRole('tab', { name: 'People' }).click();
    await page.getByTestId('offline-people').getByText('Saba Tesfay').waitFor();
    expect(await onServer('Saba')).toEqual([]);

    await context.setOffline(false);
    // Back online, the signed-in app takes over from the offline shell, still unlocked.
    await page.getByTestId('offline-app').waitFor({ state: 'detached' });
    await page.getByTestId('connection').getByText('Online').waitFor();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByTestId('sync-report').getByText('Applied: 4').waitFor();
    await page.getByTestId('sync-report').getByText('Conflicts to resolve: 1').waitFor();

    const household = [
      ...(await onServer('Amanuel')),
      ...(await onServer('Saba')),
      ...(await onServer('Yonas')),
    ];
    expect(household).toHaveLength(3);
    expect(household[0]!.householdId).not.toBeNull();
    expect(new Set(household.map((p) => p.householdId)).size).toBe(1);

    // The conflict shows both values of the phone, and the user chooses.
    await page.getByRole('tab', { name: /Conflicts/ }).click();
    const conflict = page.getByTestId('conflict');
    await conflict.getByText('+33 6 22 22 22 22').first().waitFor();
    await conflict.getByText('+33 6 33 33 33 33').first().waitFor();
    await conflict.getByRole('radio', { name: /This device’s value/ }).check();
    await page.getByRole('button', { name: 'Apply my choices' }).click();
    await page.getByText('No conflicts.').waitFor();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByTestId('sync-report').getByText('Applied: 1').waitFor();
    expect((await colleague.api.get(`/api/people/${filmonId}`)).body.phone).toBe('+33 6 22 22 22 22');

    // Syncing again sends nothing new and doubles no one.
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByTestId('sync-report').getByText('Applied: 0').waitFor();
    expect(await onServer('Amanuel')).toHaveLength(1);
    expect(await onServer('Yonas')).toHaveLength(1);
  });

  /** IndexedDB records this browser holds for offline work (device identity and sealed records). */
  async function storedRecords(page: Page): Promise<number> {
    return (await page.evaluate(`new Promise((resolve, reject) => {
      const req = indexedDB.open('passerelle-offline');
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const tx = req.result.transaction(['vault'], 'readonly');
        const count = tx.objectStore('vault').count();
        count.onsuccess = () => resolve(count.result);
      };
    })`)) as number;
  }

  /** Everything IndexedDB holds for offline work, as text: what a stolen phone's files reveal. */
  async function storedText(page: Page): Promise<string> {
    return (await page.evaluate(`new Promise((resolve, reject) => {
      const req = indexedDB.open('passerelle-offline');
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const tx = req.result.transaction(['meta', 'vault'], 'readonly');
        const meta = tx.objectStore('meta').getAll();
        const vault = tx.objectStore('vault').getAll();
        tx.oncomplete = () => {
          const decode = (bytes) => new TextDecoder('utf-8', { fatal: false }).decode(bytes);
          resolve(JSON.stringify(meta.result) + vault.result.map((row) => row.key + decode(row.data)).join(''));
        };
      };
    })`)) as string;
  }

  async function prepareDevice(page: Page, user: TestUser) {
    await page.goto('/');
    await signIn(page, user.email);
    await enrolSecondFactor(page, e2e.harness.clock.now);
    await page.getByRole('heading', { name: 'Welcome, Test User' }).waitFor();
    await page.goto('/offline');
    await page.getByLabel('Device PIN', { exact: true }).fill(PIN);
    await page.getByLabel('Confirm PIN', { exact: true }).fill(PIN);
    await page.getByRole('button', { name: 'Prepare for offline work' }).click();
    await page.getByTestId('sync-panel').getByText('Changes waiting to be sent: 0').waitFor();
  }

  it('deletes the offline data of a device revoked from elsewhere, before anyone types a PIN', async () => {
    const fieldworker = await e2e.createUser(['registration_officer']);
    const page = await e2e.newPage();
    await prepareDevice(page, fieldworker);
    await page.getByRole('tab', { name: 'Register' }).click();
    await registerOffline(page, 'Lemlem', 'female', 'none');
    expect(await storedRecords(page)).toBeGreaterThan(0);
    // At rest the records are sealed: neither the name nor the family name can be read.
    const atRest = await storedText(page);
    expect(atRest).toContain('local-people:');
    expect(atRest).not.toContain('Lemlem');
    expect(atRest).not.toContain('Tesfay');

    const [device] = (await fieldworker.api.get('/api/me/devices')).body.items;
    expect((await fieldworker.api.delete(`/api/me/devices/${device.id}`)).status).toBe(200);
    await page.reload();
    // The device's session ended with it; its offline data is gone, and the page says why.
    await page.getByLabel('Email', { exact: true }).waitFor();
    await expect.poll(() => storedRecords(page)).toBe(0);
  });

  it('deletes the offline data after the policy’s days without a sync, even with no connection', async () => {
    const fieldworker = await e2e.createUser(['registration_officer']);
    const page = await e2e.newPage();
    await page.clock.install();
    await prepareDevice(page, fieldworker);
    await page.getByRole('tab', { name: 'Register' }).click();
    await registerOffline(page, 'Senait', 'female', 'none');
    // The workspace in Arabic, right to left, with its labels.
    await chooseLanguage(page, 'العربية');
    await page.getByRole('heading', { name: 'العمل دون اتصال', level: 1 }).waitFor();
    expect(await htmlAttributes(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    await page.getByLabel('الاسم الأول', { exact: true }).waitFor();
    await page.getByTestId('sync-panel').getByText('تغييرات تنتظر الإرسال: 1').waitFor();

    await page.context().setOffline(true);
    await page.clock.fastForward(15 * 24 * 60 * 60 * 1000);
    await page.reload();
    await expect.poll(() => storedRecords(page)).toBe(0);
    await expect(page.getByRole('heading', { name: 'Unlock offline data' }).count()).resolves.toBe(0);
  });
});
