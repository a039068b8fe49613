import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  drainMatchingJobs,
  registerMany,
  strangers,
} from '../../src/modules/matching/testing/registry.fixture.js';
import { buildPerson } from '../factories/people.js';
import type { TestUser } from '../helpers/harness.js';
import { chooseLanguage, E2E, htmlAttributes, signIn } from './helpers/browser.js';
import { enrolSecondFactor } from './helpers/totp.js';

interface Pair {
  id: string;
  status: string;
  older: { personId: string };
  newer: { personId: string };
}

describe('duplicates in the browser: queue, compare, merge, unmerge', () => {
  const e2e = new E2E();
  let reviewer: TestUser;
  let olderId = '';
  let newerId = '';
  let olderCode = '';

  beforeAll(async () => {
    await e2e.start();
    const org = await e2e.harness.createOrg();
    reviewer = await e2e.createUser(['registration_officer'], org.id);
    // People who are nobody's duplicate, so that the run has a registry to learn from.
    await registerMany(e2e.harness, reviewer, strangers(20));
    // The same man registered twice, in two spellings, the second time with his name in Arabic.
    const register = async (body: Parameters<typeof buildPerson>[0]) => {
      const response = await reviewer.api.post(
        '/api/people',
        buildPerson({ fathersName: undefined, ...body }),
      );
      expect(response.status).toBe(201);
      return response.body.person as { id: string; code: string };
    };
    const older = await register({
      givenName: 'Mohammed',
      familyName: 'Abdullah',
      birthYear: 1995,
      sex: 'male',
      nationality: 'SDN',
    });
    const newer = await register({
      givenName: 'Muhammad',
      familyName: 'Abdalla',
      originalScriptName: 'محمد عبدالله',
      birthYear: 1995,
      sex: 'male',
      nationality: 'SDN',
    });
    olderId = older.id;
    newerId = newer.id;
    olderCode = older.code;
  });
  afterAll(() => e2e.stop());

  const pairsOf = async (status: string) =>
    (await reviewer.api.get(`/api/duplicates?status=${status}&personId=${newerId}`)).body.items as Pair[];
  const statusOf = async (id: string) => (await reviewer.api.get(`/api/people/${id}`)).body.status as string;

  /** A reviewer's first sign-in (second factor enrolled on the way), on the queue. */
  async function signedIn(user: TestUser, options: Parameters<E2E['newPage']>[0] = {}): Promise<Page> {
    const page = await e2e.newPage(options);
    await page.goto('/matching');
    await signIn(page, user.email);
    await enrolSecondFactor(page, e2e.harness.clock.now);
    await page.goto('/matching');
    return page;
  }

  it('runs the check, finds the pair, compares it, merges it into one person and undoes the merge', async () => {
    const page = await signedIn(reviewer);
    await page.getByRole('heading', { name: 'Possible duplicates', level: 1 }).waitFor();
    await page.getByTestId('thresholds').getByText('50 %').waitFor();
    await page.getByText('No pairs here.', { exact: false }).waitFor();

    // The whole-registry check is a background job: queued from the page, run here, seen by polling.
    await page.getByRole('button', { name: 'Run the check now' }).click();
    await page.getByTestId('run-status').getByText('Waiting to start…').waitFor();
    await drainMatchingJobs(e2e.harness);
    await page.getByTestId('run-status').getByText('22 people compared', { exact: false }).waitFor();

    const row = page.getByTestId('pair-row').filter({ hasText: olderCode });
    await row.waitFor();
    await row.getByRole('link', { name: 'Review' }).click();

    await page.getByRole('heading', { name: 'Are these the same person?' }).waitFor();
    const table = page.getByTestId('side-by-side');
    await table.getByText('Mohammed', { exact: true }).waitFor();
    await table.getByText('Muhammad', { exact: true }).waitFor();
    await table.getByText('محمد عبدالله').waitFor();
    // Why: every field's weight, in words a caseworker reads, and the total.
    const chart = page.getByTestId('waterfall');
    await chart.getByRole('heading', { name: 'Why: what each field contributed' }).waitFor();
    const name = chart.locator('li[data-field="name"]');
    await name.getByText('same name, other spelling or script').waitFor();
    expect(Number((await name.getByTestId('weight').textContent())?.replace('−', '-'))).toBeGreaterThan(0);
    await chart.locator('li[data-field="total"]').getByText('Total').waitFor();
    await page
      .getByTestId('explanation-summary')
      .getByText('Counts most for the same person: Name', { exact: false })
      .waitFor();

    // S is the reviewer's shortcut for "same person".
    const reason = page.getByLabel('Reason (optional, kept encrypted)');
    await reason.fill('Same phone number');
    // Keys typed in the reason box are text; out of it, they are shortcuts.
    await page.keyboard.press('s');
    expect(await reason.inputValue()).toBe('Same phone numbers');
    await reason.blur();
    await page.keyboard.press('s');
    await page.getByTestId('pair-decided').getByText('Merged', { exact: false }).waitFor();
    await page.getByTestId('decision-notice').getByText('Merged. You can undo it from this page.').waitFor();
    await page.getByText(': Same phone numbers', { exact: false }).waitFor();
    await table.locator('tr[data-row="status"]').getByText('Merged into another record').waitFor();

    // The merged person is one: the newer record points to the older, which is the only one found.
    expect(await statusOf(newerId)).toBe('merged');
    expect(await statusOf(olderId)).toBe('active');
    const found = await reviewer.api.get(`/api/people?q=${encodeURIComponent('Muhammad Abdalla')}`);
    const ids = (found.body.items as Array<{ id: string }>).map((p) => p.id);
    expect(ids).toContain(olderId);
    expect(ids).not.toContain(newerId);
    expect(await pairsOf('open')).toEqual([]);

    // Undo: both records are active again and the pair is back in the queue.
    await page.getByRole('button', { name: 'Undo the merge' }).click();
    await page.getByText('The merge was undone; both records are active again.').waitFor();
    await table.locator('tr[data-row="status"]').getByText('Active').first().waitFor();
    expect(await statusOf(newerId)).toBe('active');
    expect(await statusOf(olderId)).toBe('active');
    expect((await pairsOf('open')).map((p) => [p.older.personId, p.newer.personId])).toEqual([
      [olderId, newerId],
    ]);
    await page.getByRole('link', { name: '← Possible duplicates' }).click();
    await page.getByTestId('pair-row').filter({ hasText: olderCode }).waitFor();

    // The person's profile lists the pair too, with the merge and its undoing behind it.
    await page.goto(`/people/${olderId}`);
    await page.getByRole('tab', { name: 'Duplicates' }).click();
    const pairs = page.getByTestId('person-duplicates');
    await pairs.getByRole('heading', { name: 'Pairs with this record' }).waitFor();
    await pairs
      .getByTestId('pair-row')
      .filter({ hasText: olderCode })
      .getByRole('link', { name: 'Review' })
      .waitFor();
  });

  it('lets a caseworker check a name in Arabic script and see why each registration may be the person', async () => {
    const caseworker = await e2e.createUser(['caseworker'], reviewer.orgId);
    const page = await signedIn(caseworker);
    // Not a reviewer: the duplicates entry opens the check, not the queue.
    await page.getByRole('heading', { name: 'Check for duplicates', level: 1 }).waitFor();
    await page.getByLabel('Full name (any script)', { exact: true }).fill('محمد عبدالله');
    await page.getByLabel('Birth year', { exact: true }).fill('1995');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const candidates = page.getByTestId('candidate');
    const mohammed = candidates.filter({ hasText: 'Mohammed Abdullah' });
    await mohammed.waitFor();
    await candidates.filter({ hasText: 'Muhammad Abdalla' }).waitFor();
    expect(await candidates.filter({ hasText: 'Okbay' }).count()).toBe(0);
    await mohammed.getByRole('button', { name: 'Why: what each field contributed' }).click();
    const name = mohammed.getByTestId('waterfall').locator('li[data-field="name"]');
    await name.getByText('same name, other spelling or script').waitFor();
    await mohammed
      .getByTestId('waterfall')
      .locator('li[data-field="birthDate"]')
      .getByText('same year')
      .waitFor();
  });

  it('shows the comparison on a phone, in Arabic, right to left, with labelled fields, and records two different people', async () => {
    const [pair] = await pairsOf('open');
    expect(pair).toBeDefined();
    const supervisor = await e2e.createUser(['case_supervisor'], reviewer.orgId);
    const page = await signedIn(supervisor, { viewport: { width: 390, height: 844 }, isMobile: true });
    await page.goto(`/matching/pairs/${pair!.id}`);
    await page.getByRole('heading', { name: 'Are these the same person?' }).waitFor();
    await chooseLanguage(page, 'العربية');
    await page.waitForFunction("document.documentElement.dir === 'rtl'");
    expect(await htmlAttributes(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    await page.getByRole('heading', { name: 'هل هذان الشخص نفسه؟' }).waitFor();
    await page.getByTestId('waterfall').locator('li[data-field="name"]').waitFor();
    await page.getByRole('button', { name: /الشخص نفسه/ }).waitFor();
    await page.getByLabel('السبب (اختياري، يُحفظ مشفرًا)').waitFor();
    // The page itself never scrolls sideways on a phone: the wide table scrolls in its own box.
    expect(
      await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth'),
    ).toBe(true);
    // The supervisor decides they are two people: the pair leaves the queue for good.
    await page.getByRole('button', { name: /شخصان مختلفان/ }).click();
    await page
      .getByTestId('pair-decided')
      .getByText('لن يُقترح هذا الزوج مرة أخرى', { exact: false })
      .waitFor();
    expect(await pairsOf('open')).toEqual([]);
    expect((await pairsOf('different')).map((p) => p.id)).toEqual([pair!.id]);
    expect(await statusOf(newerId)).toBe('active');
    expect(await statusOf(olderId)).toBe('active');
  });
});
