import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../factories/people.js';
import type { TestUser } from '../helpers/harness.js';
import { chooseLanguage, E2E, htmlAttributes, signIn } from './helpers/browser.js';
import { enrolSecondFactor } from './helpers/totp.js';

/** A calendar date in Paris, `offset` days from the harness clock's today. */
function parisDate(now: Date, offset = 0): string {
  const shifted = new Date(now.getTime() + offset * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(shifted);
}

describe('legal pathways in the browser', () => {
  const e2e = new E2E();
  let caseworker: TestUser;
  let personId = '';
  let personCode = '';

  beforeAll(async () => {
    await e2e.start();
    const ngo = await e2e.harness.createOrg();
    caseworker = await e2e.createUser(['caseworker'], ngo.id);
    const supervisor = await e2e.createUser(['case_supervisor'], ngo.id);
    const registrar = await e2e.createUser(['registration_officer'], ngo.id);
    // The person and the roster come through the API (the registry's pages are tested elsewhere).
    const registered = await registrar.api.post(
      '/api/people',
      buildPerson({
        givenName: 'Mohammed',
        familyName: 'Abdallah',
        originalScriptName: 'محمد عبد الله',
        nationality: 'SDN',
        languages: ['ar'],
      }),
    );
    expect(registered.status, registered.raw).toBe(201);
    personId = registered.body.person.id;
    personCode = registered.body.person.code;
    const interpreter = await supervisor.api.post('/api/interpreters', {
      name: 'Amina Osman',
      kind: 'interpreter',
      languages: ['ar-SD', 'ti'],
      organisation: 'ISM Interprétariat',
    });
    expect(interpreter.status, interpreter.raw).toBe(201);
  });
  afterAll(() => e2e.stop());

  it('chooses a pathway, records a decision, sees the appeal deadline, books an appointment with an interpreter and finds it in the day list', async () => {
    const clock = e2e.harness.clock;
    const page = await e2e.newPage();
    await page.goto('/');
    await signIn(page, caseworker.email);
    await enrolSecondFactor(page, clock.now);
    await page.getByRole('heading', { name: 'Welcome, Test User' }).waitFor();

    await page.goto(`/people/${personId}?tab=pathway`);
    await page.getByTestId('person-pathway').waitFor();
    await page.getByLabel('Route', { exact: true }).selectOption('asylum_france');
    await page.getByRole('button', { name: 'Record pathway' }).click();
    await page.getByTestId('pathway-route').getByText('Asylum in France').waitFor();

    await page.getByLabel('Procedure', { exact: true }).selectOption('asylum');
    await page.getByLabel('Procedure type').selectOption('normal');
    await page.getByRole('button', { name: 'Open procedure' }).click();
    const procedure = page.getByTestId('procedure');
    await procedure.waitFor();

    const stages: Array<[string, string, string?]> = [
      ['registration', parisDate(clock.now(), -40)],
      ['application', parisDate(clock.now(), -30)],
      ['decision', parisDate(clock.now(), -2), 'rejected'],
    ];
    for (const [stage, date, result] of stages) {
      const form = page.getByTestId('record-stage');
      await form.getByLabel('Stage', { exact: true }).selectOption(stage);
      await form.getByLabel('Date', { exact: true }).fill(date);
      if (result) await form.getByLabel('Result', { exact: true }).selectOption(result);
      await form.getByRole('button', { name: 'Record stage' }).click();
      await procedure
        .getByTestId('procedure-timeline')
        .locator('li')
        .nth(stages.findIndex((s) => s[0] === stage))
        .waitFor();
    }
    // The asylum-seeker certificate, with its expiry.
    const doc = page.getByTestId('add-document');
    await doc.getByLabel('Document', { exact: true }).selectOption('asylum_certificate');
    await doc.getByLabel('Issued on').fill(parisDate(clock.now(), -40));
    await doc.getByLabel('Expires on').fill(parisDate(clock.now(), 140));
    await doc.getByRole('button', { name: 'Record document' }).click();
    await procedure
      .getByTestId('procedure-documents')
      .getByText(/^Asylum-seeker certificate/)
      .waitFor();

    const appeal = procedure.locator('[data-rule="pathways.cnda_appeal_due"]');
    await appeal.getByText('Appeal to the CNDA (one month from the decision)').waitFor();
    await appeal.getByText(/\d+ days left/).waitFor();
    await appeal.getByText(/CESEDA/).waitFor();

    // The appeal hearing tomorrow at 10:00, with an Arabic interpreter.
    const form = page.getByTestId('appointment-form');
    await form.getByLabel('Purpose', { exact: true }).selectOption('pathway_step');
    await form.getByLabel('Procedure step').selectOption({ label: 'Asylum · Appeal (CNDA)' });
    await form.getByLabel('Date and time').fill(`${parisDate(clock.now(), 1)}T10:00`);
    await form.getByLabel('Place').fill('CNDA, 35 rue Cuvier, Montreuil');
    await form.getByLabel('Organisation receiving').fill('CNDA');
    await form.getByLabel(/^Interpreter language/).fill('ar');
    await form.getByLabel('Transport').selectOption('organised');
    await form.getByRole('button', { name: 'Save appointment' }).click();
    const listed = page.getByTestId('person-appointments').getByTestId('appointment');
    await listed.getByText('Interpreter needed: ar').waitFor();
    await listed.getByLabel('Interpreter', { exact: true }).waitFor();
    await listed.getByRole('button', { name: 'Book interpreter' }).click();
    await listed.getByText('Interpreter: Amina Osman (ar)').waitFor();

    // The registration card downloads as a PDF.
    const href = await page.getByRole('link', { name: 'Download registration card' }).getAttribute('href');
    const card = await page.request.get(href!);
    expect(card.status()).toBe(200);
    expect(card.headers()['content-type']).toBe('application/pdf');
    expect((await card.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The card's QR code leads to /p/<code>: the person's profile, for a signed-in user.
    await page.goto(`/p/${encodeURIComponent(personCode)}`);
    await page.waitForURL(`**/people/${personId}`);
    await page
      .getByRole('heading', { name: /Mohammed/ })
      .first()
      .waitFor();

    // The outreach team's list for tomorrow shows who must be where, with the interpreter.
    await page.getByRole('link', { name: 'Legal pathways' }).first().click();
    await page.getByRole('heading', { name: 'Appointments and interpreters' }).waitFor();
    const day = page.getByTestId('day-view').getByTestId('appointment');
    await day.getByText('Mohammed Tesfay Abdallah').waitFor();
    await day.getByText('Interpreter: Amina Osman (ar)').waitFor();
    await page.getByTestId('interpreter-roster').getByText('Amina Osman').waitFor();

    // On a phone, in Arabic, right to left, nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await chooseLanguage(page, 'العربية');
    await page.waitForFunction("document.documentElement.dir === 'rtl'");
    expect(await htmlAttributes(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    await page.getByRole('heading', { name: 'المواعيد والمترجمون' }).waitFor();
    await page.getByTestId('day-view').getByText('المترجم: Amina Osman (ar)').waitFor();
    expect(
      await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth'),
    ).toBe(true);
    await page.goto(`/people/${personId}?tab=pathway`);
    await page.getByTestId('pathway-route').getByText('اللجوء في فرنسا').waitFor();
    // The countdown in Arabic's own plural (11 to 99: "يومًا"), not the English fallback.
    const countdown = page.locator('[data-rule="pathways.cnda_appeal_due"] [data-testid="countdown"]');
    expect(await countdown.textContent()).toMatch(/^بقي \d+ يومًا$/);
    expect(
      await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth'),
    ).toBe(true);
  });
});
