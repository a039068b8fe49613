import type { DemoModuleSeeder, DemoSeedContext } from '../../db/seed/demo-modules.js';
import type { ServiceContext } from '../../server/context.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { createArticle, reviewTranslation, saveTranslation, submitForReview } from './articles.service.js';
import { recordSession } from './counselling.service.js';
import { ASYLUM_IN_FRANCE } from './demo-content/asylum.js';
import { CHILDREN_ALONE } from './demo-content/children.js';
import { FAMILY_REUNIFICATION } from './demo-content/family.js';
import { RECEPTION_CENTRES } from './demo-content/reception.js';
import type { DemoArticle } from './demo-content/types.js';
import type { LanguageTag } from './information.languages.js';

const DEMO_ARTICLES: DemoArticle[] = [
  ASYLUM_IN_FRANCE,
  RECEPTION_CENTRES,
  FAMILY_REUNIFICATION,
  CHILDREN_ALONE,
];
const INFORMATION_OFFICER = 'information@demo.passerelle.example';
const CASEWORKER = 'caseworker@demo.passerelle.example';

/** A context acting as one demo user of the demo NGO (the seeder runs as the system). */
function actingAs(ctx: ServiceContext, orgId: string, userId: string | null): ServiceContext {
  return { ...ctx, actor: { ...SYSTEM_ACTOR, orgId, userId } };
}

/**
 * Writes each demo article as the demo information officer and publishes every language as the
 * seeder (no user), so that the four-eyes rule holds for the demo data too.
 */
async function seedArticle(author: ServiceContext, publisher: ServiceContext, demo: DemoArticle) {
  const source = demo.texts[demo.source];
  if (!source) throw new Error(`demo article ${demo.slug} has no ${demo.source} text`);
  const { article } = await createArticle(
    author,
    { slug: demo.slug, topic: demo.topic, sourceLang: demo.source, ...source },
    { isDemo: true },
  );
  for (const [lang, text] of Object.entries(demo.texts) as [
    LanguageTag,
    NonNullable<DemoArticle['texts'][LanguageTag]>,
  ][]) {
    if (lang !== demo.source) await saveTranslation(author, article.id, lang, text);
    await submitForReview(author, article.id, lang, 1);
    await reviewTranslation(publisher, article.id, lang, { version: 1, decision: 'publish' });
  }
  return article.id;
}

const TOPIC_SETS = [
  ['asylum', 'reception_relocation'],
  ['family_reunification'],
  ['unaccompanied_children', 'family_reunification'],
  ['asylum', 'legal_aid'],
  ['voluntary_return'],
  ['reception_relocation', 'health'],
] as const;
const INTENTIONS = [
  'asylum_france',
  'family_reunification',
  'onward_movement',
  'undecided',
  'relocation',
  'voluntary_return',
] as const;
const LANGUAGES = ['ar', 'ti', 'ps', 'fa-AF', 'ar', 'am', 'ckb', 'ti'] as const;

async function seedCounselling(context: DemoSeedContext, orgId: string) {
  const { ctx } = context;
  const people = await ctx.db
    .selectFrom('people')
    .select('id')
    .where('org_id', '=', orgId)
    .where('status', '=', 'active')
    .orderBy('created_at')
    .limit(10)
    .execute();
  const counsellors = [context.userIds[INFORMATION_OFFICER], context.userIds[CASEWORKER]].filter(
    Boolean,
  ) as string[];
  const day = (offset: number) =>
    new Date(ctx.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < 16; i += 1) {
    const counsellor = counsellors[i % counsellors.length]!;
    const person = i % 4 === 3 ? undefined : people[i % Math.max(people.length, 1)];
    const heldOffset = -((i * 2) % 28) - 1;
    await recordSession(
      actingAs(ctx, orgId, counsellor),
      {
        heldOn: day(heldOffset),
        language: LANGUAGES[i % LANGUAGES.length]!,
        interpreterUsed: i % 3 !== 0,
        ...(person ? { personId: person.id } : { anonymous: true as const }),
        topics: [...TOPIC_SETS[i % TOPIC_SETS.length]!],
        optionsDiscussed:
          i % 2 === 0 ? ['asylum_france', 'relocation'] : ['family_reunification', 'asylum_france'],
        statedIntention: INTENTIONS[i % INTENTIONS.length]!,
        referrals: i % 3 === 0 ? [{ service: 'legal_aid', organisation: 'Demo legal clinic' }] : [],
        ...(i % 2 === 0 ? { followUpOn: day(heldOffset + 7) } : {}),
        notes: `Demo note ${i + 1}: options explained with the leaflet; the person will think and come back.`,
      },
      { isDemo: true },
    );
  }
}

export const informationSeeder: DemoModuleSeeder = {
  name: 'information articles and counselling',
  async seed(context) {
    const orgId = context.orgIds['demo-ngo'];
    const authorId = context.userIds[INFORMATION_OFFICER];
    if (!orgId || !authorId)
      throw new Error('information demo: the demo NGO and its information officer must exist');
    const author = actingAs(context.ctx, orgId, authorId);
    const publisher = actingAs(context.ctx, orgId, null);
    const ids: Record<string, string> = {};
    for (const [index, demo] of DEMO_ARTICLES.entries()) {
      context.progress('information articles', index + 1, DEMO_ARTICLES.length);
      ids[demo.slug] = await seedArticle(author, publisher, demo);
    }
    // The English source of one article changed after its translations were published, so the
    // status board and the public pages show what an outdated translation looks like.
    const reception = RECEPTION_CENTRES.texts.en!;
    await saveTranslation(author, ids[RECEPTION_CENTRES.slug]!, 'en', {
      ...reception,
      body: `${reception.body}\n\nYou can visit the information point first and ask to speak to someone in your language.`,
    });
    context.progress('counselling sessions');
    await seedCounselling(context, orgId);
  },
};
