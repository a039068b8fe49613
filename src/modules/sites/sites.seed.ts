import type { Executor } from '../../db/engine.js';
import type { DemoModuleSeeder, DemoSeedContext } from '../../db/seed/demo-modules.js';
import type { ServiceContext } from '../../server/context.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { addEstimate } from './estimates.service.js';
import { addAssessment, addIncident } from './monitoring.service.js';
import {
  ASSESSMENTS,
  CAMP_ESTIMATES,
  CAMP_OUTLINE,
  DEMO_SITE_NAMES,
  INCIDENTS,
  NORTH_ESTIMATES,
  ORIENTATION_CENTRES,
  RECEPTION_ESTIMATES,
  type SeedEstimate,
  type SeedRecorder,
  SOUTH_ESTIMATES,
} from './sites.seed-data.js';
import { createSite, updateSite } from './sites.service.js';

const MONITOR_EMAIL = 'monitor@demo.passerelle.example';

/**
 * Acting for an organisation: the demo site monitor (UN agency) maps sites and records the
 * authority's figures as a UN monitor would; the NGO records its own census, so only it may
 * correct it. Service functions run the same rules and audit entries as the API.
 */
function recorders(context: DemoSeedContext): Record<SeedRecorder, ServiceContext> {
  const as = (orgSlug: string, userId: string | null): ServiceContext => ({
    ...context.ctx,
    actor: { ...SYSTEM_ACTOR, orgId: context.orgIds[orgSlug] ?? null, userId },
  });
  return {
    monitor: as('demo-un', context.userIds[MONITOR_EMAIL] ?? null),
    ngo: as('demo-ngo', null),
  };
}

async function seedEstimates(
  by: Record<SeedRecorder, ServiceContext>,
  siteId: string,
  estimates: SeedEstimate[],
) {
  const ids: string[] = [];
  for (const { by: recorder, corrects, ...input } of estimates) {
    const supersedesId = corrects === undefined ? undefined : ids[corrects];
    const created = await addEstimate(by[recorder], siteId, { ...input, supersedesId, isDemo: true });
    ids.push(created.id);
  }
}

async function seedSites(context: DemoSeedContext) {
  const by = recorders(context);
  const monitor = by.monitor;
  const site = async (input: Parameters<typeof createSite>[1]) =>
    (await createSite(monitor, { ...input, isDemo: true })).site.id;

  const camp = await site({
    name: DEMO_SITE_NAMES.camp,
    kind: 'informal_settlement',
    status: 'open',
    region: 'Hauts-de-France',
    location: { latitude: 50.9668, longitude: 1.8985, outline: CAMP_OUTLINE },
    openedOn: '2015-04-01',
  });
  const south = await site({
    name: DEMO_SITE_NAMES.south,
    kind: 'camp_zone',
    status: 'open',
    parentId: camp,
    region: 'Hauts-de-France',
    location: { latitude: 50.9642, longitude: 1.8982 },
    openedOn: '2015-04-01',
  });
  const north = await site({
    name: DEMO_SITE_NAMES.north,
    kind: 'camp_zone',
    status: 'open',
    parentId: camp,
    region: 'Hauts-de-France',
    location: { latitude: 50.9693, longitude: 1.8991 },
    openedOn: '2015-04-01',
  });
  const reception = await site({
    name: DEMO_SITE_NAMES.reception,
    kind: 'reception_centre',
    status: 'open',
    region: 'Hauts-de-France',
    managedBy: 'Demo — reception operator',
    location: { latitude: 50.9676, longitude: 1.8948 },
    openedOn: '2016-01-11',
  });
  for (const [index, centre] of ORIENTATION_CENTRES.entries()) {
    context.progress('sites: orientation centres', index + 1, ORIENTATION_CENTRES.length);
    const id = await site({
      name: `Orientation centre — ${centre.town}`,
      kind: 'orientation_centre',
      status: 'open',
      region: centre.region,
      managedBy: 'Demo — orientation centre operator',
      location: { latitude: centre.latitude, longitude: centre.longitude },
      openedOn: centre.openedOn,
    });
    // Each centre counts its 20–50 residents; the figures vary from centre to centre.
    const places = 20 + ((index * 7) % 31);
    await seedEstimates(by, id, [
      {
        by: 'monitor',
        date: '2016-03-01',
        sourceName: 'Demo — centre manager',
        sourceKind: 'headcount',
        point: places - 4,
      },
      {
        by: 'monitor',
        date: '2016-04-01',
        sourceName: 'Demo — centre manager',
        sourceKind: 'headcount',
        point: places,
      },
    ]);
  }
  return { camp, south, north, reception };
}

async function seedSitesModule(context: DemoSeedContext): Promise<void> {
  context.progress('sites: camp, zones and centres');
  const ids = await seedSites(context);
  const by = recorders(context);
  context.progress('sites: population estimates');
  await seedEstimates(by, ids.camp, CAMP_ESTIMATES);
  await seedEstimates(by, ids.south, SOUTH_ESTIMATES);
  await seedEstimates(by, ids.north, NORTH_ESTIMATES);
  await seedEstimates(by, ids.reception, RECEPTION_ESTIMATES);
  context.progress('sites: assessments and incidents');
  for (const { site, input } of ASSESSMENTS)
    await addAssessment(by.monitor, ids[site], { ...input, isDemo: true });
  for (const { site, input } of INCIDENTS)
    await addIncident(by.monitor, ids[site], { ...input, isDemo: true });
  context.progress('sites: clearance of the southern zone');
  await updateSite(by.monitor, ids.south, {
    status: 'closing',
    statusEffectiveOn: '2016-02-29',
    statusReason: 'Prefectoral order to clear the southern part of the camp',
  });
  await updateSite(by.monitor, ids.south, {
    status: 'dismantled',
    statusEffectiveOn: '2016-03-16',
    statusReason:
      'Southern part cleared; people offered places in the reception centre or orientation centres',
  });
}

export const sitesDemoSeeder: DemoModuleSeeder = { name: 'sites', seed: seedSitesModule };

export interface DemoSites {
  camp: string;
  southZone: string;
  northZone: string;
  receptionCentre: string;
  orientationCentres: Array<{ id: string; name: string; region: string | null }>;
}

/**
 * The demo sites by their stable names, for other modules' seeders (the registry places its
 * demo people at them). Undefined when the sites seeder has not run.
 */
export async function findDemoSites(db: Executor): Promise<DemoSites | undefined> {
  const rows = await db
    .selectFrom('sites')
    .select(['id', 'name', 'kind', 'region'])
    .where('is_demo', '=', 1)
    .orderBy('name')
    .execute();
  const named = (name: string) => rows.find((r) => r.name === name)?.id;
  const [camp, southZone, northZone, receptionCentre] = [
    named(DEMO_SITE_NAMES.camp),
    named(DEMO_SITE_NAMES.south),
    named(DEMO_SITE_NAMES.north),
    named(DEMO_SITE_NAMES.reception),
  ];
  if (!camp || !southZone || !northZone || !receptionCentre) return undefined;
  const orientationCentres = rows
    .filter((r) => r.kind === 'orientation_centre')
    .map((r) => ({ id: r.id, name: r.name, region: r.region }));
  return { camp, southZone, northZone, receptionCentre, orientationCentres };
}
