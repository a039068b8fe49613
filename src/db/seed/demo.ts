import type { KeyRing } from '../../crypto/index.js';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import type { Role } from '../../modules/access/roles.js';
import { createOrganisation, createUser } from '../../modules/access/users.service.js';
import type { ServiceContext } from '../../server/context.js';
import type { DB } from '../engine.js';
import { DEMO_MODULE_SEEDERS, type DemoSeedContext } from './demo-modules.js';

export const DEMO_PASSWORD = 'demo-passerelle-field-2026';

export const DEMO_ORGANISATIONS = [
  { slug: 'demo-ngo', name: 'Demo — Refugee Aid Calais (NGO)', kind: 'ngo' },
  { slug: 'demo-un', name: 'Demo — UN Migration Agency', kind: 'un_agency' },
  { slug: 'demo-children', name: 'Demo — Children First (NGO)', kind: 'ngo' },
  { slug: 'demo-prefecture', name: 'Demo — Prefecture of the Department', kind: 'authority' },
] as const;

/** One demo user per role, most in the NGO; the child-protection NGO gets a caseworker for referrals. */
export const DEMO_USERS: Array<{ email: string; name: string; roles: Role[]; org: string }> = [
  { email: 'admin@demo.passerelle.example', name: 'Demo Admin', roles: ['admin'], org: 'demo-ngo' },
  {
    email: 'dpo@demo.passerelle.example',
    name: 'Demo Data Protection Officer',
    roles: ['data_protection_officer'],
    org: 'demo-ngo',
  },
  {
    email: 'registration@demo.passerelle.example',
    name: 'Demo Registration Officer',
    roles: ['registration_officer'],
    org: 'demo-ngo',
  },
  {
    email: 'caseworker@demo.passerelle.example',
    name: 'Demo Caseworker',
    roles: ['caseworker'],
    org: 'demo-ngo',
  },
  {
    email: 'supervisor@demo.passerelle.example',
    name: 'Demo Case Supervisor',
    roles: ['case_supervisor'],
    org: 'demo-ngo',
  },
  {
    email: 'reunification@demo.passerelle.example',
    name: 'Demo Reunification Officer',
    roles: ['reunification_officer'],
    org: 'demo-ngo',
  },
  {
    email: 'reception@demo.passerelle.example',
    name: 'Demo Reception Coordinator',
    roles: ['reception_coordinator'],
    org: 'demo-un',
  },
  {
    email: 'information@demo.passerelle.example',
    name: 'Demo Information Officer',
    roles: ['information_officer'],
    org: 'demo-ngo',
  },
  {
    email: 'monitor@demo.passerelle.example',
    name: 'Demo Site Monitor',
    roles: ['site_monitor'],
    org: 'demo-un',
  },
  { email: 'analyst@demo.passerelle.example', name: 'Demo Analyst', roles: ['analyst'], org: 'demo-un' },
  {
    email: 'children@demo.passerelle.example',
    name: 'Demo Child Protection Caseworker',
    roles: ['caseworker'],
    org: 'demo-children',
  },
];

export class SeedRefusedError extends Error {}

/** True when the database holds anything that is not demo data: then seeding is refused. */
export async function holdsNonDemoRecords(db: DB): Promise<boolean> {
  const org = await db
    .selectFrom('organisations')
    .select('id')
    .where('is_demo', '=', 0)
    .limit(1)
    .executeTakeFirst();
  if (org) return true;
  const user = await db.selectFrom('users').select('id').where('is_demo', '=', 0).limit(1).executeTakeFirst();
  return Boolean(user);
}

export async function isEmptyDatabase(db: DB): Promise<boolean> {
  const org = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  return !org;
}

export interface DemoSeedOptions {
  people: number;
  onProgress?: (step: string, done?: number, total?: number) => void;
}

export async function seedDemo(db: DB, keys: KeyRing, options: DemoSeedOptions): Promise<void> {
  if (await holdsNonDemoRecords(db)) {
    throw new SeedRefusedError(
      'This database holds records that are not demo data; seed --demo is refused. Use an empty database.',
    );
  }
  if (!(await isEmptyDatabase(db))) {
    throw new SeedRefusedError('The demo data is already there. To start again, use a new empty database.');
  }
  const ctx: ServiceContext = { db, keys, now: () => new Date(), actor: SYSTEM_ACTOR };
  const progress = options.onProgress ?? (() => undefined);
  progress('organisations');
  const orgIds: Record<string, string> = {};
  for (const org of DEMO_ORGANISATIONS)
    orgIds[org.slug] = (await createOrganisation(ctx, { ...org, isDemo: true })).id;
  const userIds: Record<string, string> = {};
  for (const [index, user] of DEMO_USERS.entries()) {
    progress('users', index + 1, DEMO_USERS.length);
    const created = await createUser(ctx, {
      email: user.email,
      name: user.name,
      roles: user.roles,
      password: DEMO_PASSWORD,
      orgId: orgIds[user.org] ?? '',
      isDemo: true,
    });
    userIds[user.email] = created.id;
  }
  const seedContext: DemoSeedContext = { ctx, orgIds, userIds, people: options.people, progress };
  for (const seeder of DEMO_MODULE_SEEDERS) {
    progress(seeder.name);
    await seeder.seed(seedContext);
  }
  await db
    .insertInto('settings')
    .values({ key: 'demo', value: 'true', updated_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: 'true' }))
    .execute();
}
