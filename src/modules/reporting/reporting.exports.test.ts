import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';
import type { OverviewResponse } from './reporting.schema.js';
import type { World } from './testing/reporting.fixture.js';
import { buildWorld, PERIOD } from './testing/reporting.world.js';

const Q = `from=${PERIOD.from}&to=${PERIOD.to}`;

/** CSV lines as cells (the fixture's text has no quoted commas except the source column). */
function parseCsv(raw: string): string[][] {
  return raw
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => {
      const cells: string[] = [];
      let cell = '';
      let quoted = false;
      for (let i = 0; i < line.length; i += 1) {
        const ch = line[i]!;
        if (quoted) {
          if (ch === '"' && line[i + 1] === '"') {
            cell += '"';
            i += 1;
          } else if (ch === '"') quoted = false;
          else cell += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === ',') {
          cells.push(cell);
          cell = '';
        } else cell += ch;
      }
      cells.push(cell);
      return cells;
    });
}

describeEngines('reporting exports API', (h) => {
  let world: World;
  let analyst: TestUser;
  let caseworker: TestUser;
  let registrar: TestUser;

  beforeAll(async () => {
    world = await buildWorld(h);
    analyst = await h.createUser(['analyst'], world.orgA);
    caseworker = await h.createUser(['caseworker'], world.orgA);
    registrar = await h.createUser(['registration_officer'], world.orgA);
  });

  it('answers 401 without credentials, 403 to roles without exports.aggregate, 404 for an unknown dataset', async () => {
    expect((await h.client().get(`/api/exports/population?${Q}`)).status).toBe(401);
    expect((await registrar.api.get(`/api/exports/population?${Q}`)).status).toBe(403);
    expect((await caseworker.api.get(`/api/exports/population?${Q}`)).status).toBe(403);
    expect((await analyst.api.get(`/api/exports/people?${Q}`)).status).toBe(404);
    expect(
      (await analyst.api.get(`/api/exports/population?${Q}&siteId=zzzzzzzzzzzzzzzzzzzzzzzzzz`)).status,
    ).toBe(404);
  });

  it('answers 400 for a bad format, a threshold below the deployment’s, or an unknown parameter', async () => {
    const pdf = await analyst.api.get(`/api/exports/population?${Q}&format=pdf`);
    expect(pdf.status).toBe(400);
    expect(pdf.body.error.code).toBe('validation_failed');
    const low = await analyst.api.get(`/api/exports/population?${Q}&threshold=3`);
    expect(low.status).toBe(400);
    expect(low.body.error.message).toContain('threshold');
    expect((await analyst.api.get(`/api/exports/population?${Q}&hxl=yes`)).status).toBe(400);
    expect((await analyst.api.get(`/api/exports/population?${Q}&name=x`)).status).toBe(400);
  });

  it('writes the HXL hashtag row under the header row, only when asked', async () => {
    const tagged = await analyst.api.get(`/api/exports/population?${Q}&hxl=1`);
    expect(tagged.status).toBe(200);
    expect(tagged.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(tagged.headers['content-disposition']).toBe(
      `attachment; filename="passerelle-population-${PERIOD.to}.csv"`,
    );
    const [header, hxl, ...rows] = parseCsv(tagged.raw);
    expect(header!.slice(0, 5)).toEqual([
      'Region',
      'Location',
      'Location code',
      'Location type',
      'People present',
    ]);
    expect(hxl).toEqual([
      '#adm1+name',
      '#loc+name',
      '#loc+code',
      '#loc+type',
      '#affected+total',
      '#affected+f',
      '#affected+m',
      '#affected+children',
      '#affected+f+children',
      '#affected+m+children',
      '#affected+f+adults',
      '#affected+m+adults',
      '#date+reported',
      '#meta+source',
    ]);
    expect(hxl!.every((tag) => /^#[a-z0-9_]+(\+[a-z0-9_]+)*$/.test(tag))).toBe(true);
    expect(rows.length).toBeGreaterThan(0);
    const plain = parseCsv((await analyst.api.get(`/api/exports/population?${Q}`)).raw);
    expect(plain[1]![0]!.startsWith('#')).toBe(false);
    expect(plain.length).toBe(rows.length + 1);
    for (const dataset of ['needs', 'cases', 'relocations', 'reunification']) {
      const file = await analyst.api.get(`/api/exports/${dataset}?${Q}&hxl=1`);
      expect(file.status, dataset).toBe(200);
      const lines = parseCsv(file.raw);
      expect(
        lines[1]!.every((tag) => tag.startsWith('#')),
        dataset,
      ).toBe(true);
      expect(lines[1]!.length, dataset).toBe(lines[0]!.length);
    }
  });

  it('shows small counts as <5, neutralises formulas, and never prints a count from 1 to 4', async () => {
    const lines = parseCsv((await analyst.api.get(`/api/exports/population?${Q}&hxl=1`)).raw);
    const data = lines.slice(2);
    const centre = data.find((row) => row[2] === world.centre)!;
    // The site is called "=Centre Rennes": a spreadsheet must read it as text.
    expect(centre[1]).toBe("'=Centre Rennes");
    const counts = data.flatMap((row) => row.slice(4, 12));
    expect(counts).toContain('<5');
    expect(counts.filter((c) => /^[1-4]$/.test(c))).toEqual([]);
    const noSite = data.find((row) => row[1] === '(no current site)')!;
    expect(noSite[4]).toBe('<5');
  });

  it('agrees with the overview: a site total the overview hides is hidden in the file, filtered or not', async () => {
    const overview = (await analyst.api.get<OverviewResponse>(`/api/reports/overview?${Q}`)).body;
    const hiddenInOverview = overview.population.bySite
      .filter((s) => s.present === null)
      .map((s) => s.siteId);
    expect(hiddenInOverview).toContain(world.zoneN);
    for (const query of ['', `&siteId=${world.camp}`, `&siteId=${world.zoneS}`]) {
      const lines = parseCsv((await analyst.api.get(`/api/exports/population?${Q}${query}`)).raw).slice(1);
      for (const row of lines)
        if (hiddenInOverview.includes(row[2]!)) expect(row[4], `${row[1]} ${query}`).toBe('<5');
    }
    const south = parseCsv((await analyst.api.get(`/api/exports/population?${Q}&siteId=${world.zoneS}`)).raw);
    expect(south.slice(1).map((row) => row[2])).toEqual([world.zoneS]);
  });

  it('writes XLSX as a zip of inline strings', async () => {
    const file = await analyst.api.request('GET', `/api/exports/population?${Q}&format=xlsx&hxl=1`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(file.raw.slice(0, 2)).toBe('PK');
  });

  it('audits each aggregate export with its row count, and no personal data', async () => {
    const before = await h.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'export.aggregate')
      .execute();
    const file = await analyst.api.get(`/api/exports/needs?${Q}&hxl=1`);
    expect(file.status).toBe(200);
    const after = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'export.aggregate')
      .orderBy('seq', 'desc')
      .execute();
    expect(after.length).toBe(before.length + 1);
    const entry = after[0]!;
    expect(entry.actor_id).toBe(analyst.id);
    const details = JSON.parse(entry.details ?? '{}');
    expect(details).toMatchObject({ dataset: 'needs', format: 'csv', suppressed: true });
    expect(details.rows).toBe(parseCsv(file.raw).length - 2);
  });

  it('refuses personal exports to API tokens and to roles without exports.personal', async () => {
    const token = await caseworker.api.post('/api/exports/personal', {
      dataset: 'caseload',
      format: 'csv',
      totp: '123456',
    });
    expect(token.status).toBe(403);
    expect(
      (await analyst.api.post('/api/exports/personal', { dataset: 'caseload', totp: '123456' })).status,
    ).toBe(403);
    const bad = await caseworker.api.post('/api/exports/personal', { dataset: 'caseload', totp: 'abc' });
    expect(bad.status).toBe(400);
    expect((await caseworker.api.get('/api/exports/personal/zzzzzzzzzzzzzzzzzzzzzzzzzz')).status).toBe(404);
  });
});
