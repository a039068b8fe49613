import { beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/harness.js';
import { informationSeeder } from './information.seed.js';
import { insertTestPerson } from './testing/people.fixture.js';

describeEngines('information demo data', (h) => {
  beforeAll(async () => {
    const org = await h.createOrg('demo-ngo');
    const officer = await h.createUser(['information_officer'], org.id);
    const caseworker = await h.createUser(['caseworker'], org.id);
    for (let i = 0; i < 3; i += 1) await insertTestPerson(h.db, h.keys, org.id);
    await informationSeeder.seed({
      ctx: h.systemContext(),
      orgIds: { 'demo-ngo': org.id },
      userIds: {
        'information@demo.passerelle.example': officer.id,
        'caseworker@demo.passerelle.example': caseworker.id,
      },
      people: 0,
      progress: () => undefined,
    });
  });

  it('publishes the four demo articles in English, French, Arabic, Pashto and Tigrinya, marked as demo', async () => {
    for (const slug of ['asylum-in-france', 'reception-centres', 'family-reunification', 'children-alone']) {
      for (const lang of ['en', 'fr', 'ar', 'ps', 'ti']) {
        const page = await h.client().get(`/info/${lang}/${slug}`);
        expect(page.status, `${lang}/${slug}`).toBe(200);
        expect(page.raw).toContain('<p class="demo">');
      }
    }
    const articles = await h.db.selectFrom('articles').select(['is_demo']).execute();
    expect(articles.map((a) => a.is_demo)).toEqual([1, 1, 1, 1]);
  });

  it('shows one article whose translations are outdated after a source change', async () => {
    const fr = await h.client().get('/info/fr/reception-centres');
    expect(fr.raw).toContain('Le texte original a changé');
    const en = await h.client().get('/info/en/reception-centres');
    expect(en.raw).not.toContain('The original text has changed');
    const asylum = await h.client().get('/info/fr/asylum-in-france');
    expect(asylum.raw).not.toContain('Le texte original a changé');
  });

  it('records demo counselling sessions, some linked to registered people, with follow-ups', async () => {
    const sessions = await h.db.selectFrom('counselling_sessions').selectAll().execute();
    expect(sessions).toHaveLength(16);
    expect(sessions.every((s) => s.is_demo === 1)).toBe(true);
    expect(sessions.filter((s) => s.person_id !== null).length).toBeGreaterThan(8);
    expect(sessions.filter((s) => s.follow_up_on !== null).length).toBe(8);
    expect(sessions.every((s) => s.notes === null || s.notes.startsWith('v1.'))).toBe(true);
  });
});
