import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../factories/sites.js';
import { chooseLanguage, E2E, htmlAttributes, signIn } from './helpers/browser.js';
import { enrolSecondFactor } from './helpers/totp.js';

describe('people: registration, search and profile', () => {
  const e2e = new E2E();
  beforeAll(() => e2e.start());
  afterAll(() => e2e.stop());

  /** A registration officer signed in with a session cookie and an enrolled second factor. */
  async function signInRegistrar(path: string) {
    const registrar = await e2e.createUser(['registration_officer']);
    const page = await e2e.newPage();
    await page.goto(path);
    await signIn(page, registrar.email);
    await enrolSecondFactor(page, e2e.harness.clock.now);
    await page.goto(path);
    return { registrar, page };
  }

  /** Picks an option of a Mantine searchable select by typing, as a person with a keyboard does. */
  async function pick(page: Page, label: string, typed: string, option: string) {
    await page.getByRole('combobox', { name: label, exact: true }).fill(typed);
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  it('registers a person in Arabic, finds them by a Latin variant spelling, and opens the profile', async () => {
    const { page } = await signInRegistrar('/people');
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await chooseLanguage(page, 'العربية');
    await page.waitForFunction("document.documentElement.dir === 'rtl'");
    expect(await htmlAttributes(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    await page.getByRole('link', { name: 'تسجيل شخص' }).click();
    await page.getByRole('heading', { name: 'تسجيل شخص', level: 1 }).waitFor();
    // The form opens with the cursor on the given name.
    const givenName = page.getByLabel('الاسم الأول', { exact: true });
    const givenNameId = await givenName.getAttribute('id');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe(givenNameId);
    await givenName.fill('Mohammed');
    await page.getByLabel('اسم العائلة', { exact: true }).fill('Abdullah');
    const original = page.getByLabel('الاسم بالخط الأصلي', { exact: true });
    expect(await original.getAttribute('dir')).toBe('auto');
    await original.fill('محمد عبدالله');
    await page.getByRole('radio', { name: 'ذكر', exact: true }).check();
    await page.getByLabel('العمر بالسنوات', { exact: true }).fill('31');
    expect(await page.getByLabel('العمر تقديري', { exact: true }).isChecked()).toBe(true);
    await pick(page, 'الجنسية', 'SDN', 'Sudan (SDN)');
    await page.getByLabel('الأساس القانوني', { exact: true }).selectOption('consent');
    await page.getByRole('checkbox', { name: 'الخدمات', exact: true }).check();
    // Enter in a text field registers: no need to reach for the button.
    await givenName.press('Enter');

    const code = await page.getByTestId('person-code').textContent();
    expect(code).toMatch(/^[346789A-Y]{3}-[346789A-Y]{3}-[346789A-Y]$/);
    await page.getByText('لم يُعثر على أي تكرار محتمل.').waitFor();

    await page.getByRole('link', { name: 'العودة إلى البحث' }).click();
    const box = page.getByLabel('البحث بالاسم أو الرمز أو الهاتف', { exact: true });
    await box.fill('Muhammad Abdallah');
    await box.press('Enter');
    const hit = page.getByTestId('person-hit').filter({ hasText: code ?? '' });
    await hit.waitFor();
    expect(await hit.getByTestId('original-script-name').textContent()).toBe('محمد عبدالله');
    expect(await hit.getByTestId('original-script-name').getAttribute('dir')).toBe('auto');
    expect(await hit.getByTestId('match-why').textContent()).toMatch(/^السبب: الاسم/);

    await hit.getByRole('link', { name: 'Mohammed Abdullah' }).click();
    await page.getByRole('heading', { name: 'Mohammed Abdullah', level: 1 }).waitFor();
    expect(await page.getByTestId('profile-code').textContent()).toBe(code);
    expect(await page.getByTestId('profile-original-script').textContent()).toBe('محمد عبدالله');
    await page.getByRole('tab', { name: 'الموافقة' }).click();
    await page.getByTestId('consent-table').getByText('موافقة الشخص').waitFor();
  });

  it('flags a child registered without a household with the child-alone badge', async () => {
    const { page } = await signInRegistrar('/people/new');
    await page.getByLabel('Given name', { exact: true }).fill('Yonas');
    await page.getByLabel("Father's name", { exact: true }).fill('Tesfay');
    await page.getByRole('radio', { name: 'Male', exact: true }).check();
    await page.getByLabel('Age in years', { exact: true }).fill('12');
    await page.getByLabel('Legal basis', { exact: true }).selectOption('vital_interest');
    await page.getByRole('checkbox', { name: 'Services', exact: true }).check();
    await page.getByRole('button', { name: 'Register', exact: true }).click();

    const result = page.getByTestId('registration-result');
    await result.getByTestId('unaccompanied-badge').getByText('Child alone').waitFor();
    await result.getByRole('link', { name: 'Open profile' }).click();
    await page.getByRole('heading', { name: 'Yonas Tesfay', level: 1 }).waitFor();
    await page.getByTestId('unaccompanied-badge').waitFor();
    await page.getByRole('tab', { name: 'Needs' }).click();
    await page.getByTestId('needs-table').getByText('SC-UC').waitFor();
    // Other modules' tabs show only to roles the server lets read them: no cases for a registrar.
    expect(await page.getByRole('tab', { name: 'Cases' }).count()).toBe(0);
  });

  it('shows another module’s tab (cases) to a caseworker, loaded when opened', async () => {
    const caseworker = await e2e.createUser(['caseworker']);
    const { person } = (
      await caseworker.api.post('/api/people', {
        givenName: 'Dawit',
        sex: 'male',
        birthYear: 1994,
        consent: { basis: 'consent', purposes: ['services', 'referral'] },
      })
    ).body;
    const page = await e2e.newPage();
    await page.goto(`/people/${person.id}`);
    await signIn(page, caseworker.email);
    await enrolSecondFactor(page, e2e.harness.clock.now);
    await page.goto(`/people/${person.id}`);
    await page.getByRole('tab', { name: 'Cases' }).click();
    await page.getByTestId('person-cases').getByText('No case for this person.').waitFor();
  });

  it('registers a family: the child joins the parent’s household and is not flagged as alone', async () => {
    const { page } = await signInRegistrar('/people/new');
    const register = async (given: string, sex: 'Female' | 'Male', age: string) => {
      await page.getByLabel('Given name', { exact: true }).fill(given);
      await page.getByLabel('Family name', { exact: true }).fill('Haddad');
      await page.getByRole('radio', { name: sex, exact: true }).check();
      await page.getByLabel('Age in years', { exact: true }).fill(age);
      await page.getByLabel('Legal basis', { exact: true }).selectOption('consent');
      await page.getByRole('checkbox', { name: 'Services', exact: true }).check();
      await page.getByRole('button', { name: 'Register', exact: true }).click();
      await page.getByTestId('person-code').waitFor();
    };
    await register('Amina', 'Female', '34');
    await page.getByRole('button', { name: 'Register a member of the same household' }).click();
    await page.getByText(/^Joins household /).waitFor();
    await page.getByLabel('Relationship', { exact: true }).selectOption('child');
    await register('Sara', 'Female', '9');
    expect(await page.getByTestId('unaccompanied-badge').count()).toBe(0);

    await page.getByRole('link', { name: 'Open profile' }).click();
    await page.getByRole('heading', { name: 'Sara Haddad', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Household' }).click();
    const members = page.getByTestId('household-members');
    await members.getByRole('row').filter({ hasText: 'Amina' }).getByText('Head of household').waitFor();
    await members.getByRole('row').filter({ hasText: 'Sara' }).getByText('Child').waitFor();
  });

  it('shows the server’s message under the field and writes nothing; the family name is never required', async () => {
    const monitor = await e2e.createUser(['site_monitor']);
    const siteName = e2e.harness.unique('Jungle north');
    await monitor.api.post('/api/sites', buildSite({ name: siteName }));
    const { page, registrar } = await signInRegistrar('/people/new');
    await page.getByLabel('Given name', { exact: true }).fill('Zabihullah');
    await pick(page, 'Site', siteName.slice(0, 12), siteName);
    await page.getByRole('radio', { name: 'Male', exact: true }).check();
    await page.getByLabel('Year of birth', { exact: true }).fill('1850');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.getByText('must be 1900 or later').waitFor();
    await page.getByText('choose at least one purpose').waitFor();
    expect((await registrar.api.get('/api/people')).body.items).toEqual([]);

    await page.getByLabel('Year of birth', { exact: true }).fill('1996');
    await page.getByLabel('Legal basis', { exact: true }).selectOption('consent');
    await page.getByRole('checkbox', { name: 'Services', exact: true }).check();
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.getByTestId('person-code').waitFor();
    // The next registration at the same desk starts at the same site.
    await page.getByRole('button', { name: 'Register another' }).click();
    expect(await page.getByRole('combobox', { name: 'Site', exact: true }).inputValue()).toBe(siteName);
    expect(await page.getByLabel('Given name', { exact: true }).inputValue()).toBe('');
  });

  it('tells the person plainly when someone else changed the record, and reloads it', async () => {
    const { page, registrar } = await signInRegistrar('/people');
    const { person } = (
      await registrar.api.post('/api/people', {
        givenName: 'Amina',
        familyName: 'Haddad',
        sex: 'female',
        birthYear: 1990,
        consent: { basis: 'consent', purposes: ['services'] },
      })
    ).body;
    await page.goto(`/people/${person.id}`);
    await page.getByRole('heading', { name: 'Amina Haddad', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Phone', { exact: true }).fill('+33 6 11 22 33 44');

    // A colleague saves first.
    await registrar.api.patch(`/api/people/${person.id}`, {
      familyName: 'Al-Haddad',
      version: person.version,
    });
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.getByTestId('edit-conflict').getByText('Someone else changed this record').waitFor();
    await dialog.getByRole('button', { name: 'Reload the record' }).click();
    // The dialog opens again on the fresh version: the notice goes, the colleague's change shows.
    await dialog.getByTestId('edit-conflict').waitFor({ state: 'detached' });
    expect(await dialog.getByLabel('Family name', { exact: true }).inputValue()).toBe('Al-Haddad');
    await dialog.getByLabel('Phone', { exact: true }).fill('+33 6 11 22 33 44');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('person-overview').getByText('+33 6 11 22 33 44').waitFor();
  });

  it('imports a KoBo CSV through the upload page: report by line, then only the valid rows', async () => {
    const { page, registrar } = await signInRegistrar('/people/import');
    const csv = [
      'group_a/given_name;group_a/family_name;gender;age;nationality;consent',
      'Karim;Nouri;m;40;IRQ;yes',
      'Leila;Nouri;f;38;Atlantis;yes',
    ].join('\n');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'kobo-export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-summary').getByText('2 rows: 1 valid, 1 with problems.').waitFor();
    const problem = page.getByTestId('import-problems').getByRole('row').filter({ hasText: 'Atlantis' });
    expect(await problem.getByRole('cell').first().textContent()).toBe('3');
    await page.getByRole('button', { name: 'Import only the valid rows (1)' }).click();
    await page.getByTestId('import-done').getByText('1 people imported, 0 households.').waitFor();
    const people = (await registrar.api.get('/api/people')).body.items;
    expect(people.map((p: { givenName: string }) => p.givenName)).toEqual(['Karim']);
  });
});
