import { SeedRefusedError, seedDemo } from '../db/seed/demo.js';
import { findOrganisationBySlug, findUserByEmail } from '../modules/access/access.repository.js';
import { OrganisationKind } from '../modules/access/access.schema.js';
import { createApiToken } from '../modules/access/account.service.js';
import { SYSTEM_ACTOR } from '../modules/access/actor.js';
import { isRole, ROLES, type Role } from '../modules/access/roles.js';
import { createOrganisation, createUser } from '../modules/access/users.service.js';
import { verifyAuditChain } from '../modules/audit/audit.service.js';
import { loadConfig } from '../server/config.js';
import type { ServiceContext } from '../server/context.js';
import { openRuntime, type Runtime } from '../server/runtime.js';
import { fail, progress } from './output.js';

async function withRuntime<T>(run: (runtime: Runtime, ctx: ServiceContext) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(loadConfig(), { onMigration: (name) => progress(`migrated ${name}`) });
  try {
    return await run(runtime, {
      db: runtime.db,
      keys: runtime.keys,
      now: () => new Date(),
      actor: SYSTEM_ACTOR,
    });
  } finally {
    await runtime.close();
  }
}

export async function migrateCommand(): Promise<void> {
  await withRuntime(async () => undefined);
  process.stdout.write('database is up to date\n');
}

export async function seedCommand(options: { demo?: boolean; people?: string }): Promise<void> {
  if (!options.demo) fail('only demo seeding exists: run `passerelle seed --demo`');
  const people = Number(options.people ?? 2000);
  if (!Number.isInteger(people) || people < 0 || people > 2_000_000)
    fail('--people must be a whole number from 0 to 2000000');
  await withRuntime(async (runtime) => {
    try {
      await seedDemo(runtime.db, runtime.keys, { people, onProgress: progress });
    } catch (error) {
      if (error instanceof SeedRefusedError) fail(error.message);
      throw error;
    }
  });
  process.stdout.write('demo data seeded\n');
}

export async function orgCreateCommand(options: {
  slug: string;
  name: string;
  kind?: string;
}): Promise<void> {
  const kind = OrganisationKind.safeParse(options.kind ?? 'ngo');
  if (!kind.success) fail('--kind must be ngo, un_agency or authority');
  if (!/^[a-z0-9][a-z0-9-]{1,39}$/.test(options.slug))
    fail('--slug: lowercase letters, digits and hyphens, 2 to 40 characters');
  await withRuntime(async (_runtime, ctx) => {
    const org = await createOrganisation(ctx, { slug: options.slug, name: options.name, kind: kind.data });
    process.stdout.write(`organisation ${org.slug} created (id ${org.id})\n`);
  });
}

export async function userCreateCommand(options: {
  email: string;
  name: string;
  org: string;
  role: string[];
  password: string;
}): Promise<void> {
  const unknown = options.role.filter((r) => !isRole(r));
  if (unknown.length > 0) fail(`unknown role ${unknown.join(', ')}; roles are: ${ROLES.join(', ')}`);
  if (options.role.length === 0) fail(`give at least one --role (${ROLES.join(', ')})`);
  await withRuntime(async (runtime, ctx) => {
    const org = await findOrganisationBySlug(runtime.db, options.org);
    if (!org)
      fail(
        `organisation ${options.org} does not exist; create it with \`passerelle org create --slug ${options.org} --name …\``,
      );
    const user = await createUser(ctx, {
      email: options.email,
      name: options.name,
      roles: options.role as Role[],
      password: options.password,
      orgId: org.id,
    });
    process.stdout.write(`user ${user.email} created (id ${user.id})\n`);
  });
}

export async function tokenCreateCommand(options: { email: string; name?: string }): Promise<void> {
  await withRuntime(async (runtime, ctx) => {
    const user = await findUserByEmail(runtime.db, options.email.trim().toLowerCase());
    if (!user || user.disabled_at) fail(`no active user with email ${options.email}`);
    const { token } = await createApiToken(ctx, { userId: user.id, name: options.name ?? 'cli' });
    process.stdout.write(`${token}\n`);
  });
}

export async function auditVerifyCommand(): Promise<void> {
  const verdict = await withRuntime((runtime) =>
    verifyAuditChain(runtime.db, runtime.keys, (checked) => progress(`verified ${checked} entries`)),
  );
  if (verdict.ok) {
    process.stdout.write(`audit chain intact: ${verdict.checked} entries verified\n`);
    return;
  }
  process.stdout.write(`audit chain BROKEN at entry ${verdict.firstBadSeq}: ${verdict.problem}\n`);
  process.exitCode = 3;
}
