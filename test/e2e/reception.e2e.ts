import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ReceptionWorld,
  receptionWorld,
} from '../../src/modules/reception/testing/reception.fixture.js';
import { chooseLanguage, E2E, htmlAttributes, signIn } from './helpers/browser.js';
import { enrolSecondFactor } from './helpers/totp.js';

/** A figure of the "All centres" row of the totals table (free, occupied, reserved, blocked, capacity). */
function total(page: Page, figure: string) {
  return page
    .getByTestId('reception-totals')
    .getByRole('row', { name: /All centres/ })
    .locator(`[data-figure="${figure}"]`);
}

async function expectText(locator: ReturnType<Page['locator']>, text: string) {
  await expect.poll(async () => (await locator.textContent())?.trim(), { timeout: 15_000 }).toBe(text);
}

describe('reception capacity and relocation in the browser', () => {
  const e2e = new E2E();
  let world: ReceptionWorld;
  let protectedCentre = '';
  let otherCentre = '';

  beforeAll(async () => {
    await e2e.start();
    world = await receptionWorld(e2e.harness);
    protectedCentre = await world.centre({
      places: { family: 10, single_men: 10, unaccompanied_minors: 4 },
      childProtection: true,
      region: 'Bretagne',
    });
    otherCentre = await world.centre({
      places: { family: 10, unaccompanied_minors: 4 },
      childProtection: false,
      region: 'Occitanie',
    });
    // A mother with two children, and a boy of 15 alone, registered at the camp.
    const household = await world.registrar.api.post('/api/households', { siteId: world.camp });
    expect(household.status, household.raw).toBe(201);
    const member = (
      givenName: string,
      sex: 'female' | 'male',
      birthYear: number,
      relationship: 'head' | 'child',
    ) => world.person({ givenName, sex, birthYear, householdId: household.body.id, relationship });
    await member('Amina', 'female', 1986, 'head');
    await member('Sara', 'female', 2014, 'child');
    await member('Dawit', 'male', 2012, 'child');
    await world.person({ givenName: 'Abel', sex: 'male', birthYear: new Date().getUTCFullYear() - 15 });
  });
  afterAll(() => e2e.stop());

  it('shows places, plans a family and a child alone, accepts, moves them and records a return', async () => {
    const page = await e2e.newPage();
    await page.goto('/reception');
    await signIn(page, world.coordinator.email);
    await enrolSecondFactor(page, e2e.harness.clock.now);
    await page.getByRole('heading', { name: 'Reception and relocation', level: 1 }).waitFor();
    expect(await page.getByTestId('centre-card').count()).toBe(2);
    await expectText(total(page, 'capacity'), '38');
    await expectText(total(page, 'reserved'), '0');

    await page.getByRole('tab', { name: 'Planner' }).click();
    await page.getByLabel('Waiting at', { exact: true }).selectOption(world.camp);
    const waiting = page.getByTestId('waiting-list');
    await waiting.getByLabel(/Amina/).check();
    await waiting.getByLabel(/Abel/).check();
    await page.getByRole('button', { name: 'Plan for the selected' }).click();
    const result = page.getByTestId('plan-result');
    await result.getByText('4 of 4 people placed', { exact: false }).waitFor();
    const family = result.getByTestId('proposal').filter({ hasText: 'Amina' });
    await family.getByText('Household kept together (3)').waitFor();
    const child = result.getByTestId('proposal').filter({ hasText: 'Abel' });
    await child.getByText('Child protection staff on site').waitFor();
    await child.getByText('Unaccompanied minors').waitFor();
    // The child alone goes only where child protection staff work.
    const centres = (await e2e.harness.deps.db
      .selectFrom('sites')
      .select(['id', 'name'])
      .where('id', 'in', [protectedCentre, otherCentre])
      .execute()) as Array<{ id: string; name: string }>;
    const protectedName = centres.find((c) => c.id === protectedCentre)!.name;
    await child.getByText(protectedName, { exact: true }).waitFor();

    await result.getByRole('button', { name: 'Accept 2 proposals' }).click();
    await result.getByTestId('plan-accepted').getByText('2 relocations created', { exact: false }).waitFor();

    await page.getByRole('tab', { name: 'Places' }).click();
    await expectText(total(page, 'reserved'), '4');
    await expectText(total(page, 'free'), '34');

    // The family leaves; the boy leaves and arrives: his place turns from reserved to occupied.
    await page.getByRole('tab', { name: 'Relocations' }).click();
    const move = async (name: string, to: string) => {
      const row = page.getByTestId('relocation').filter({ hasText: name });
      await row.getByRole('button', { name: `Move to: ${to}` }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Confirm', exact: true }).click();
      await row.getByText(to, { exact: true }).waitFor();
    };
    await move('Amina', 'Departed');
    await move('Abel', 'Departed');
    await move('Abel', 'Arrived');

    // Amina is seen again at the camp: her relocation becomes a return, with her reason.
    await page.getByRole('tab', { name: 'Returns' }).click();
    await page.getByLabel('Person (name or code)', { exact: true }).fill('Amina');
    await page.getByRole('button', { name: /^Choose Amina/ }).click();
    await page.getByLabel('Seen again at', { exact: true }).selectOption(world.camp);
    await page.getByLabel('Why the person came back', { exact: true }).selectOption('family_in_uk');
    await page.getByLabel('In their words', { exact: true }).fill('Her husband is in Leeds');
    await page.getByRole('button', { name: 'Record return' }).click();
    const totals = page.getByTestId('return-total');
    await totals.getByText('75%').waitFor();
    expect((await totals.textContent())?.replace(/\s+/g, '')).toBe('All4375%');
    await page.getByTestId('returns-chart').waitFor();

    await page.getByRole('tab', { name: 'Places' }).click();
    await expectText(total(page, 'reserved'), '0');
    await expectText(total(page, 'occupied'), '1');
  });

  it('plans a convoy, schedules a relocation on it and prints the driver’s list without sensitive details', async () => {
    const person = await world.person({ givenName: 'Tesfamariam', nationality: 'ERI' });
    const relocation = await world.relocate([person], protectedCentre);
    expect((await world.move(relocation, 'accepted')).status).toBe(200);
    // Another coordinator of the organisation (the first one already enrolled a second factor).
    const colleague = await e2e.createUser(['reception_coordinator'], world.orgId);
    const page = await e2e.newPage();
    await page.goto('/reception/relocations');
    await signIn(page, colleague.email);
    await enrolSecondFactor(page, e2e.harness.clock.now);
    const form = page.getByRole('form', { name: 'Plan a convoy' });
    await form.getByLabel('Departure day', { exact: true }).fill('2016-03-02');
    await form.getByLabel('Leaves from', { exact: true }).selectOption(world.camp);
    await form.getByLabel('Vehicle', { exact: true }).fill('Coach 12');
    await form.getByLabel('Seats', { exact: true }).fill('40');
    await form.getByRole('button', { name: 'Plan a convoy' }).click();
    await page.getByRole('link', { name: 'Passenger list' }).waitFor();

    const row = page.getByTestId('relocation').filter({ hasText: 'Tesfamariam' });
    await row.getByRole('button', { name: 'Move to: Scheduled' }).click();
    const dialog = page.getByRole('dialog');
    const convoys = (await world.coordinator.api.get('/api/convoys')).body.items as Array<{
      id: string;
      vehicle: string;
    }>;
    const convoy = convoys.find((c) => c.vehicle === 'Coach 12')!;
    await dialog.getByLabel('Convoy', { exact: true }).selectOption(convoy.id);
    await dialog.getByRole('button', { name: 'Confirm', exact: true }).click();
    await row.getByText('Scheduled', { exact: true }).waitFor();

    await page.getByRole('link', { name: 'Passenger list' }).click();
    const list = page.getByTestId('passenger-list');
    await list.getByText('Tesfamariam', { exact: true }).waitFor();
    await list.getByText('1 of 40 seats taken', { exact: false }).waitFor();
    expect(await list.getByText('ERI').count()).toBe(0);
  });

  it('reads the board on a phone in Arabic, right to left', async () => {
    const coordinator = await e2e.createUser(['reception_coordinator'], world.orgId);
    const page = await e2e.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await page.goto('/reception');
    await signIn(page, coordinator.email);
    await enrolSecondFactor(page, e2e.harness.clock.now);
    await page.getByTestId('centre-card').first().waitFor();
    await chooseLanguage(page, 'العربية');
    await page.getByRole('heading', { name: 'الإيواء والترحيل', level: 1 }).waitFor();
    expect(await htmlAttributes(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    await page.getByRole('tab', { name: 'الأماكن' }).waitFor();
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
  });
});
