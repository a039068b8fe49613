import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../factories/people.js';
import type { TestUser } from '../helpers/harness.js';
import { chooseLanguage, E2E, htmlAttributes, signIn } from './helpers/browser.js';
import { enrolSecondFactor } from './helpers/totp.js';

describe('protection cases in the browser', () => {
  const e2e = new E2E();
  let caseworker: TestUser;
  let partner: TestUser;
  let partnerOrgName = '';
  let childId = '';

  beforeAll(async () => {
    await e2e.start();
    const ngo = await e2e.harness.createOrg();
    const children = await e2e.harness.createOrg();
    partnerOrgName = children.name;
    caseworker = await e2e.createUser(['caseworker'], ngo.id);
    partner = await e2e.createUser(['caseworker'], children.id);
    const registrar = await e2e.createUser(['registration_officer'], ngo.id);
    // The person is registered through the API (the registry's own pages are tested elsewhere).
    const registered = await registrar.api.post(
      '/api/people',
      buildPerson({ givenName: 'Abel', fathersName: 'Haile', birthYear: new Date().getUTCFullYear() - 15 }),
    );
    expect(registered.body.person.unaccompanied).toBe(true);
    childId = registered.body.person.id;
  });
  afterAll(() => e2e.stop());

  it('opens a case for a child alone, records an assessment, refers it, and the other organisation accepts', async () => {
    const clock = e2e.harness.clock;
    const page = await e2e.newPage();
    await page.goto('/');
    await signIn(page, caseworker.email);
    await enrolSecondFactor(page, clock.now);
    await page.getByRole('heading', { name: 'Welcome, Test User' }).waitFor();
    // The registry's alert for the child alone is in the caseworker's due work on the home page.
    await page.getByTestId('alert-inbox').getByText('Child registered alone').waitFor();

    // "Open a case" from the person's profile leads here, with the person chosen.
    await page.goto(`/cases/new?personId=${childId}`);
    await page.getByTestId('open-case-person').getByText('Abel Haile').waitFor();
    await page.getByLabel('Case type').selectOption('child_protection');
    await page.getByLabel('Risk', { exact: true }).selectOption('high');
    await page.getByLabel('Why this risk').fill('Sleeps near the motorway, approached by smugglers');
    await page.getByRole('button', { name: 'Open case' }).click();
    await page.getByTestId('case-person').getByText('Abel Haile').waitFor();
    await page.getByTestId('case-due').getByText('Assessment due').waitFor();

    await page.getByRole('button', { name: 'Move to: Assessment' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByTestId('case-status').getByText('Assessment', { exact: true }).waitFor();

    await page.getByRole('tab', { name: 'Assessments' }).click();
    await page.getByRole('button', { name: 'New: Child protection assessment' }).click();
    await page.getByLabel('Care arrangement').selectOption('alone');
    await page.getByLabel('Where the child sleeps').selectOption('sleeping_rough');
    await page.getByLabel('Pressure from smugglers').check();
    await page.getByLabel('Relatives in another country').check();
    await page.getByLabel('The child’s wishes, in their words').fill('To join his brother in Leeds');
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await page.getByTestId('assessment').getByText('To join his brother in Leeds').waitFor();
    // The assessment is done: its deadline left the due work, the best-interests assessment is next.
    await page.getByTestId('case-due').getByText('Best-interests assessment due').waitFor();
    expect(await page.getByTestId('case-due').getByText('Assessment due', { exact: true }).count()).toBe(0);

    await page.getByRole('tab', { name: 'Referrals' }).click();
    await page.getByRole('button', { name: 'Refer or transfer' }).click();
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: partnerOrgName });
    await page.getByLabel('Service', { exact: true }).selectOption('shelter');
    await page.getByLabel('Note for the receiving organisation').fill('A night shelter place, please');
    await page.getByRole('button', { name: 'Send referral' }).click();
    await page.getByTestId('referral').getByText('Waiting for an answer').waitFor();

    // The receiving organisation's caseworker signs in, finds the referral in their due work.
    const other = await e2e.newPage();
    await other.goto('/');
    await signIn(other, partner.email);
    await enrolSecondFactor(other, clock.now);
    await other.getByTestId('alert-inbox').getByRole('link', { name: 'Referral received' }).click();
    const referral = other.getByTestId('referral');
    await referral.getByText('A night shelter place, please').waitFor();
    expect(await referral.getByText('Abel').count()).toBe(0);
    await referral.getByRole('button', { name: 'Accept' }).click();
    await referral.getByText('Accepted').waitFor();
    await referral.getByRole('link', { name: 'Open the case' }).click();
    await other.getByTestId('case-person').getByText('Abel Haile').waitFor();
    await other.getByTestId('case-timeline').getByText('Referral accepted').waitFor();
    await other.getByRole('tab', { name: 'Follow-ups and notes' }).click();
    await other.getByLabel('Text of the note').fill('Slept at our shelter tonight');
    await other.getByRole('button', { name: 'Save note' }).click();
    await other.getByRole('tab', { name: 'Timeline' }).click();
    await other.getByTestId('case-timeline').getByText('Slept at our shelter tonight').waitFor();
  });
  it('gives a supervisor the caseload with saved views, plan approval, and the supervision view, in Arabic too', async () => {
    const orgId = caseworker.orgId;
    const supervisor = await e2e.createUser(['case_supervisor'], orgId);
    const registrar = await e2e.createUser(['registration_officer'], orgId);
    const woman = await registrar.api.post('/api/people', buildPerson({ givenName: 'Hiwet', sex: 'female' }));
    const opened = await caseworker.api.post('/api/cases', {
      personId: woman.body.person.id,
      type: 'gbv',
      risk: 'high',
    });
    const id = opened.body.id;
    for (const [url, body] of [
      [`/api/cases/${id}/transitions`, { to: 'assessment' }],
      [
        `/api/cases/${id}/assessments`,
        {
          kind: 'general',
          answers: {
            immediateDanger: false,
            safetyConcerns: ['threats'],
            needs: ['shelter'],
            wishes: 'A safe place',
          },
        },
      ],
      [`/api/cases/${id}/transitions`, { to: 'case_plan' }],
      [
        `/api/cases/${id}/plans`,
        { goals: 'Safety', actions: [{ what: 'Shelter place', who: 'caseworker', byWhen: '2999-01-01' }] },
      ],
      [`/api/cases/${id}/approvals`, { kind: 'plan' }],
    ] as const) {
      const response = await caseworker.api.post(url, body);
      expect(response.status, response.raw).toBeLessThan(300);
    }

    const page = await e2e.newPage();
    await page.goto('/');
    await signIn(page, supervisor.email);
    await enrolSecondFactor(page, e2e.harness.clock.now);
    await page.getByTestId('alert-inbox').getByText('Approval waiting').waitFor();
    await page.goto('/cases');
    await page.getByLabel('Type', { exact: true }).selectOption('gbv');
    await page.getByTestId('cases-table').getByText('Hiwet Tesfay').waitFor();
    await page.getByLabel('Name of this view').fill('GBV cases');
    await page.getByRole('button', { name: 'Save view' }).click();
    await page.goto('/cases?status=closed');
    await page.getByText('No cases match these filters.').waitFor();
    await page.getByText('GBV cases', { exact: true }).click();
    await page.getByTestId('cases-table').getByText('Hiwet Tesfay').click();

    await page.getByTestId('pending-approvals').getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('button', { name: 'Move to: Implementation' }).waitFor();
    await page.getByRole('tab', { name: 'Case plan' }).click();
    await page
      .getByTestId('case-plan')
      .getByText(/^Approved on/)
      .waitFor();

    await page.goto('/cases/supervision');
    await page.getByTestId('caseload-by-caseworker').getByText('Test User').waitFor();
    await chooseLanguage(page, 'العربية');
    await page.getByRole('heading', { name: 'الإشراف' }).waitFor();
    expect(await htmlAttributes(page)).toEqual({ dir: 'rtl', lang: 'ar' });
  });
});
