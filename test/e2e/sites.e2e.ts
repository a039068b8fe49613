import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEstimate, buildSite } from '../factories/sites.js';
import { E2E, signIn } from './helpers/browser.js';

describe('sites and population monitoring', () => {
  const e2e = new E2E();
  beforeAll(() => e2e.start());
  afterAll(() => e2e.stop());

  it('adds an NGO estimate and shows the range and the chart change', async () => {
    const monitor = await e2e.createUser(['site_monitor']);
    const site = (await monitor.api.post('/api/sites', buildSite({ name: e2e.harness.unique('South zone') })))
      .body;
    await monitor.api.post(
      `/api/sites/${site.id}/estimates`,
      buildEstimate({ date: '2016-02-20', point: 800 }),
    );

    const page = await e2e.newPage();
    await page.goto(`/sites/${site.id}`);
    await signIn(page, monitor.email);
    await page.getByRole('heading', { name: site.name, level: 1 }).waitFor();
    const range = page.getByTestId('population-range');
    await range.getByText('800', { exact: true }).waitFor();
    const chart = page.getByTestId('population-chart');
    expect(await chart.getByTestId('chart-point').count()).toBe(1);

    const form = page.getByRole('form', { name: 'Add an estimate' });
    await form.getByLabel('Date', { exact: true }).fill('2016-02-20');
    await form.getByLabel('Source name', { exact: true }).fill('Help Refugees census');
    await form.getByLabel('Source kind', { exact: true }).selectOption('ngo');
    await form.getByLabel('Point estimate', { exact: true }).fill('3500');
    await form.getByRole('button', { name: 'Add estimate' }).click();

    await range.getByText('800–3,500', { exact: true }).waitFor();
    await page.getByTestId('population-divergence').getByText('× 4.4').waitFor();
    await chart.getByTestId('chart-point').nth(1).waitFor();
    expect(await chart.getByTestId('chart-point').count()).toBe(2);
    await page.getByTestId('chart-legend').getByText('Help Refugees census (NGO)').waitFor();
    expect(await page.getByTestId('population-sources').getByRole('row').count()).toBe(3);
  });

  it('shows a bad figure beside its field and writes nothing', async () => {
    const monitor = await e2e.createUser(['site_monitor']);
    const site = (await monitor.api.post('/api/sites', buildSite({ name: e2e.harness.unique('North zone') })))
      .body;
    const page = await e2e.newPage();
    await page.goto(`/sites/${site.id}`);
    await signIn(page, monitor.email);
    const form = page.getByRole('form', { name: 'Add an estimate' });
    await form.getByLabel('Date', { exact: true }).fill('2016-02-21');
    await form.getByLabel('Source name', { exact: true }).fill('Prefecture');
    await form.getByLabel('Low', { exact: true }).fill('3000');
    await form.getByLabel('High', { exact: true }).fill('1000');
    await form.getByRole('button', { name: 'Add estimate' }).click();
    await form.getByText(/must not be greater than high/).waitFor();
    expect((await monitor.api.get(`/api/sites/${site.id}/estimates`)).body.items).toEqual([]);
  });

  it('draws sites on a plain map with no tiles; a point opens the site', async () => {
    // Roles without a second factor: the monitor maps the centre, an analyst of the same agency reads the map.
    const monitor = await e2e.createUser(['site_monitor']);
    const analyst = await e2e.createUser(['analyst'], monitor.orgId);
    const name = e2e.harness.unique('Orientation centre — Rennes');
    await monitor.api.post(
      '/api/sites',
      buildSite({ name, kind: 'orientation_centre', location: { latitude: 48.1173, longitude: -1.6778 } }),
    );
    const page = await e2e.newPage();
    await page.goto('/sites?kind=orientation_centre');
    await signIn(page, analyst.email);
    await page.getByRole('heading', { name: 'Sites', level: 1 }).waitFor();
    const map = page.getByTestId('sites-map');
    expect(await map.locator('image').count()).toBe(0);
    await map.getByRole('link', { name: new RegExp(name) }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
  });
});
