import type { DemoModuleSeeder, DemoSeedContext } from '../../db/seed/demo-modules.js';
import { findOrganisationBySlug } from '../access/access.repository.js';
import { permissionsOf } from '../access/permissions.js';
import { findDemoSites } from '../sites/sites.seed.js';
import { bulkRegister } from './bulk-registration.js';
import { generatePopulation } from './population-generator.js';

/**
 * Demo people: a generated Calais-like population registered by the demo NGO, placed in the camp
 * zones (most) and the temporary reception centre, with households, specific needs and children
 * alone (each raising its alert). Generated names only.
 */
async function seedRegistry({ ctx, orgIds, userIds, people, progress }: DemoSeedContext): Promise<void> {
  if (people <= 0) return;
  const sites = await findDemoSites(ctx.db);
  // The south zone is dismantled in the scenario: people are in the north zone and the reception centre.
  const siteIds = sites ? [sites.northZone, sites.northZone, sites.northZone, sites.receptionCentre] : [];
  const org = await findOrganisationBySlug(ctx.db, 'demo-ngo');
  const registrar = userIds['registration@demo.passerelle.example'] ?? null;
  const actorCtx = {
    ...ctx,
    actor: {
      userId: registrar,
      orgId: org?.id ?? orgIds['demo-ngo'] ?? null,
      roles: ['registration_officer' as const],
      permissions: permissionsOf(['registration_officer']),
      via: 'system' as const,
      secondFactorSatisfied: true,
    },
  };
  const population = generatePopulation(people, { seed: 2016, year: ctx.now().getUTCFullYear(), siteIds });
  await bulkRegister(actorCtx, population, {
    isDemo: true,
    onProgress: (done, total) => progress('people', done, total),
  });
}

export const registryDemoSeeder: DemoModuleSeeder = { name: 'registry', seed: seedRegistry };
