import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../helpers/harness.js';
import { chooseLanguage, E2E, htmlAttributes, signIn } from './helpers/browser.js';
import { enrolSecondFactor } from './helpers/totp.js';

/** A calendar date in Paris (the deadlines' time zone), `YYYY-MM-DD`. */
function parisDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);
}

/** `date` plus `months`, the same day of the month or that month's last day (Regulation 1182/71). */
function plusMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

function minusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/** "12 Jan 2027", as the English interface writes a legal date. */
function written(date: string): string {
  return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** Picks a country in the searchable country field by its ISO code. */
async function pickCountry(page: Page, label: string, code: string): Promise<void> {
  const field = page.getByRole('combobox', { name: label, exact: true });
  await field.click();
  await field.fill(code);
  await page.getByRole('option', { name: new RegExp(`\\(${code}\\)$`) }).click();
}

describe('family tracing and reunification in the browser', () => {
  const e2e = new E2E();
  let officer: TestUser;
  let page: Page;

  beforeAll(async () => {
    await e2e.start();
    const ngo = await e2e.harness.createOrg();
    officer = await e2e.createUser(['reunification_officer'], ngo.id);
    const registrar = await e2e.createUser(['registration_officer'], ngo.id);
    const year = new Date().getUTCFullYear();
    // The brother (15, consented to tracing), a namesake nine years older, and the same name
    // without consent to tracing, who must never be proposed.
    for (const [age, purposes] of [
      [15, ['services', 'tracing']],
      [24, ['services', 'tracing']],
      [15, ['services']],
    ] as const) {
      const response = await registrar.api.post('/api/people', {
        givenName: 'Abel',
        fathersName: 'Haile',
        originalScriptName: 'ኣቤል ሃይለ',
        sex: 'male',
        birthYear: year - age,
        ageEstimated: true,
        nationality: 'ERI',
        languages: ['ti'],
        consent: { basis: 'consent', purposes },
      });
      expect(response.status, response.raw).toBe(201);
    }
    page = await e2e.newPage();
    await page.goto('/');
    await signIn(page, officer.email);
    await enrolSecondFactor(page, e2e.harness.clock.now);
    await page.getByRole('heading', { name: 'Welcome, Test User' }).waitFor();
  });
  afterAll(() => e2e.stop());

  it('records a tracing request for a brother in the UK, lists the matches with reasons, confirms one and opens the case', async () => {
    await page.goto('/reunification');
    await page.getByRole('link', { name: 'New tracing request' }).click();
    await page.getByRole('heading', { name: 'New tracing request' }).waitFor();
    // The brother in Leeds is the enquirer; the boy is sought by his names in Latin and Ge'ez script.
    const enquirer = page.getByRole('group', { name: 'Who is looking' });
    await enquirer.getByLabel('Given name', { exact: true }).fill('Tesfay');
    await enquirer.getByLabel("Father's name", { exact: true }).fill('Haile');
    await enquirer.getByLabel('Phone', { exact: true }).fill('+44 7700 900123');
    await enquirer.getByLabel('City', { exact: true }).fill('Leeds');
    await pickCountry(page, 'Country where the enquirer lives', 'GBR');
    await page.getByLabel('Legal status there').selectOption('refugee');
    await page.getByLabel('Who the sought person is to the enquirer').selectOption('sibling');
    const sought = page.getByRole('group', { name: 'Who is sought' });
    await sought.getByLabel('Given name', { exact: true }).fill('Abel');
    await sought.getByLabel("Father's name", { exact: true }).fill('Haile');
    await sought.getByLabel('Name in its own script').fill('ኣቤል ሃይለ');
    await sought.getByLabel('Sex', { exact: true }).selectOption('male');
    await sought.getByLabel('Age today').fill('15');
    await pickCountry(page, 'Nationality', 'ERI');
    await sought.getByLabel('Place of separation').fill('Calais');

    // Without the enquirer's agreement nothing is recorded, and the form says why beside the box.
    await page.getByRole('button', { name: 'Record tracing request' }).click();
    await enquirer.getByText('the enquirer must agree to tracing', { exact: false }).waitFor();
    expect(page.url()).toMatch(/\/reunification\/tracing\/new$/);
    await page.getByLabel('The enquirer agrees to this search', { exact: false }).check();
    await page.getByRole('button', { name: 'Record tracing request' }).click();

    await page.getByRole('heading', { name: 'Tracing request: Abel Haile' }).waitFor();
    await page.getByTestId('tracing-enquirer').getByText('Leeds, GBR', { exact: false }).waitFor();
    const matches = page.getByTestId('match');
    await matches.first().waitFor();
    // Two candidates who consented to tracing; the one without consent is never shown.
    expect(await matches.count()).toBe(2);
    const likely = matches.first();
    await likely.getByText('Likely').waitFor();
    const why = likely.getByTestId('match-explanation');
    await why.getByRole('cell', { name: 'Name' }).waitFor();
    await why.getByRole('cell', { name: 'Birth' }).waitFor();

    await matches.nth(1).getByRole('button', { name: 'Not this person' }).click();
    await matches.nth(1).getByText('Not the relative').waitFor();
    await likely.getByLabel('Note on the decision').fill('Brother recognised him on the photo');
    await likely.getByRole('button', { name: 'Confirm: this is the relative' }).click();
    await likely.getByText('Confirmed', { exact: true }).waitFor();
    await page.getByTestId('tracing-status').getByText('Relative found').waitFor();

    // The case opens from the match with the brother as the relative; the UK left Dublin, so the
    // national route is proposed and no EU clock is computed.
    await likely.getByRole('link', { name: 'Open a reunification case' }).click();
    await page.getByTestId('new-case-person').getByText('Abel Haile').waitFor();
    await expect.poll(() => page.getByLabel('Tesfay Haile', { exact: false }).isChecked()).toBe(true);
    await expect.poll(() => page.getByLabel('Legal basis').inputValue()).toBe('national_family_reunion');
    await page.getByLabel('Application lodged on').fill(minusDays(parisDate(new Date()), 10));
    // Article 8 with the brother in the UK is refused beside the legal basis, and nothing opens.
    await page.getByLabel('Legal basis').selectOption('dublin_art8');
    await page.getByRole('button', { name: 'Open case' }).click();
    await page.getByText('the United Kingdom left the Dublin system', { exact: false }).first().waitFor();
    expect(page.url()).toMatch(/\/reunification\/cases\/new\?/);
    await page.getByLabel('Legal basis').selectOption('national_family_reunion');
    await page.getByRole('button', { name: 'Open case' }).click();
    await page.getByTestId('case-stage').getByText('Intake').waitFor();
    await page.getByTestId('relatives').getByText('Tesfay Haile', { exact: false }).waitFor();
    await page
      .getByTestId('deadlines')
      .getByText('No legal time limit is computed', { exact: false })
      .waitFor();
    await page.getByTestId('evidence').getByText('Proof of the family relationship').waitFor();
  });

  it('counts a child’s Dublin clocks in Paris days and moves the case to the next stage with its new deadline', async () => {
    const today = parisDate(new Date());
    const lodged = minusDays(today, 20);
    const registrar = await e2e.createUser(['registration_officer'], officer.orgId);
    const child = await registrar.api.post('/api/people', {
      givenName: 'Selam',
      fathersName: 'Kidane',
      sex: 'female',
      birthYear: new Date().getUTCFullYear() - 14,
      ageEstimated: true,
      nationality: 'ERI',
      languages: ['ti'],
      consent: { basis: 'consent', purposes: ['services', 'tracing'] },
    });
    expect(child.status, child.raw).toBe(201);

    await page.goto('/reunification/cases/new');
    await page.getByLabel('Find the applicant by name or card code').fill('Selam');
    await page.getByTestId('person-hit').getByRole('button', { name: 'Choose' }).click();
    await page.getByTestId('new-case-person').getByText('Selam Kidane').waitFor();
    await page.getByLabel('Add a relative abroad').check();
    await page.getByLabel('Relation to the applicant').selectOption('aunt_uncle');
    await page.getByLabel('Given name', { exact: true }).fill('Mebrat');
    await page.getByLabel('City', { exact: true }).fill('Hamburg');
    await pickCountry(page, 'Country where the relative lives', 'DEU');
    await page.getByLabel('Legal basis').selectOption('dublin_art8');
    await page.getByLabel('Application lodged on').fill(lodged);
    await page.getByRole('button', { name: 'Open case' }).click();

    await page.getByTestId('case-stage').getByText('Intake').waitFor();
    const request = page.locator('[data-testid="deadline"][data-rule="take_charge_request"]');
    // Lodged after 1 July 2026: the AMMR set applies (Art. 39(1): two months to send the request).
    await page.getByText('AMMR (Regulation 2024/1351)', { exact: false }).waitFor();
    const requestDue = plusMonths(lodged, 2);
    await request.getByText(`Due ${written(requestDue)}`).waitFor();
    await request.getByText(`${daysFrom(today, requestDue)} days left`).waitFor();
    await request.getByText('Regulation (EU) 2024/1351 (AMMR), Art. 39(1)', { exact: false }).waitFor();
    await page
      .getByTestId('legal-today')
      .getByText(`Today in Paris: ${written(today)}`)
      .waitFor();

    // Intake → evidence → request sent today: the reply clock (one month, Art. 40(1)) starts.
    const form = page.getByTestId('transition-form');
    await form.getByLabel('Move to').selectOption('evidence');
    // The form proposes today's Paris date, whatever the device's time zone.
    expect(await form.getByLabel('Date it happened').inputValue()).toBe(today);
    await form.getByRole('button', { name: 'Record' }).click();
    await page.getByTestId('case-stage').getByText('Evidence', { exact: true }).waitFor();
    await form.getByLabel('Move to').selectOption('request_sent');
    await form.getByLabel('Date it happened').fill(today);
    await form.getByRole('button', { name: 'Record' }).click();
    await page.getByTestId('case-stage').getByText('Request sent').waitFor();
    await request.getByText(`Done ${written(today)}`).waitFor();
    const reply = page.locator('[data-testid="deadline"][data-rule="take_charge_reply"]');
    const replyDue = plusMonths(today, 1);
    await reply.getByText(`Due ${written(replyDue)}`).waitFor();
    await reply.getByText(`${daysFrom(today, replyDue)} days left`).waitFor();
    await reply.getByText('Regulation (EU) 2024/1351 (AMMR), Art. 40(1)', { exact: false }).waitFor();
    await page.getByTestId('stage-timeline').getByText('Request sent').waitFor();

    // An acceptance dated before the request left is refused beside the field; nothing changes.
    await form.getByLabel('Move to').selectOption('accepted');
    await form.getByLabel('Date it happened').fill(minusDays(today, 1));
    await form.getByRole('button', { name: 'Record' }).click();
    await form.getByText('must not be before the request was sent', { exact: false }).waitFor();
    await page.getByTestId('case-stage').getByText('Request sent').waitFor();

    // The dashboard lists the case by stage and by its nearest deadline.
    await page.goto('/reunification');
    await page.getByTestId('by-stage').getByText('Intake: 1').waitFor();
    await page.getByTestId('by-stage').getByRole('link', { name: 'Request sent: 1' }).click();
    const atStage = page.getByTestId('active-cases');
    await atStage.getByRole('heading', { name: 'Cases at stage: Request sent' }).waitFor();
    await atStage.getByRole('link', { name: 'Selam Kidane' }).waitFor();
    expect(await atStage.getByRole('link', { name: 'Abel Haile' }).count()).toBe(0);
    const soonest = page.getByTestId('soonest');
    await soonest.getByRole('link', { name: 'Selam Kidane' }).waitFor();
    await soonest.getByText(`${daysFrom(today, replyDue)} days left`).waitFor();

    // Alert lead times are settings: the same number twice is refused, new ones are kept in order.
    const settings = page.getByTestId('alert-settings');
    const lead = settings.getByLabel('Lead times in days (separate with commas)');
    await expect.poll(() => lead.inputValue()).toBe('14, 3');
    await lead.fill('5, 5');
    await settings.getByRole('button', { name: 'Save lead times' }).click();
    await settings.getByText('lead times must differ', { exact: false }).waitFor();
    await lead.fill('5, 21');
    await settings.getByRole('button', { name: 'Save lead times' }).click();
    await expect.poll(() => lead.inputValue()).toBe('21, 5');
    await settings.getByText('Lead times saved.').waitFor();

    // In Arabic, right to left, and on a phone nothing spills sideways.
    await chooseLanguage(page, 'العربية');
    expect(await htmlAttributes(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    await page.setViewportSize({ width: 360, height: 740 });
    await soonest.getByRole('link', { name: 'Selam Kidane' }).click();
    await page.getByTestId('deadlines').waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('alerts the officer on the dashboard when a new registration matches an open tracing request', async () => {
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
    const registrar = await e2e.createUser(['registration_officer'], officer.orgId);
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

    await page.goto('/reunification');
    await chooseLanguage(page, 'English');
    await page
      .getByTestId('due-alerts')
      .getByRole('link', { name: 'A new registration may be the person sought' })
      .click();
    await page.getByRole('heading', { name: 'Tracing request: Ruth Mehari' }).waitFor();
    const match = page.getByTestId('match');
    await match.getByText('Found at registration', { exact: false }).waitFor();
    expect(await match.count()).toBe(1);
  });
});
