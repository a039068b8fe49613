/**
 * npm run bench:registry -- [--engine sqlite|postgres] [--people 100000] [--registrations 1000] [--queries 300]
 * Registration throughput (with the duplicate check) and GET /api/people?q= latency over misspelled
 * and other-script queries, on a generated population. Writes bench/results/registry-<engine>-<people>.json.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { deriveKeyRing } from '../src/crypto/index.js';
import type { Engine } from '../src/db/engine.js';
import { createApiToken } from '../src/modules/access/account.service.js';
import { SYSTEM_ACTOR } from '../src/modules/access/actor.js';
import { permissionsOf } from '../src/modules/access/permissions.js';
import { createOrganisation, createUser } from '../src/modules/access/users.service.js';
import { bulkRegister } from '../src/modules/registry/bulk-registration.js';
import { registerPerson } from '../src/modules/registry/people.service.js';
import { generatePopulation, seededRandom } from '../src/modules/registry/population-generator.js';
import type { RegisterPersonInput } from '../src/modules/registry/registry.schema.js';
import { buildApp } from '../src/server/app.js';
import type { ServiceContext } from '../src/server/context.js';
import { variantOf } from '../test/factories/matching/name-variants.js';
import { arg, openBenchDatabase, summarise } from './lib/bench-db.js';

const engine = arg('engine', 'sqlite') as Engine;
const peopleCount = Number(arg('people', engine === 'sqlite' ? '100000' : '1000000'));
const registrations = Number(arg('registrations', '1000'));
const queryCount = Number(arg('queries', '300'));
const concurrency = Number(arg('concurrency', engine === 'sqlite' ? '1' : '4'));

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

function log(message: string) {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

function queryFor(person: RegisterPersonInput, rng: () => number): string {
  const parts = [person.givenName, person.fathersName ?? person.familyName].filter(Boolean) as string[];
  const roll = rng();
  if (roll < 0.4) return parts.map((p) => variantOf(p, rng)).join(' ');
  if (roll < 0.65 && person.originalScriptName) return person.originalScriptName;
  if (roll < 0.85) return [...parts].reverse().join(' ').toUpperCase();
  return variantOf(person.givenName, rng).toLowerCase() + (parts[1] ? ` ${parts[1].slice(0, -1)}` : '');
}

async function main() {
  const bench = await openBenchDatabase(engine, 'registry');
  const keys = deriveKeyRing(randomBytes(32));
  const system: ServiceContext = { db: bench.db, keys, now: () => new Date(), actor: SYSTEM_ACTOR };
  const org = await createOrganisation(system, { slug: 'bench', name: 'Bench NGO', kind: 'ngo' });
  const user = await createUser(system, {
    email: 'registrar@bench.example',
    name: 'Bench Registrar',
    roles: ['registration_officer'],
    password: 'benchmark-passphrase-2026',
    orgId: org.id,
  });
  const ctx: ServiceContext = {
    ...system,
    actor: {
      userId: user.id,
      orgId: org.id,
      roles: ['registration_officer'],
      permissions: permissionsOf(['registration_officer']),
      via: 'token',
      secondFactorSatisfied: true,
    },
  };
  const year = new Date().getUTCFullYear();

  log(`generating ${peopleCount} people on ${engine}`);
  const population = generatePopulation(peopleCount, { seed: 1, year, siteIds: [] });
  const bulkStarted = performance.now();
  await bulkRegister(ctx, population, {
    batchSize: 1000,
    onProgress: (done, total) => {
      if (done % 20000 < 1000 || done === total) log(`bulk ${done}/${total}`);
    },
  });
  const bulkSeconds = (performance.now() - bulkStarted) / 1000;

  log(
    `registering ${registrations} people one by one (duplicate check included), concurrency ${concurrency}`,
  );
  const extra = generatePopulation(registrations, { seed: 2, year, siteIds: [] });
  const toRegister = [
    ...extra.singles,
    ...extra.households.flatMap((h) => h.members.map(({ relationship: _r, ...m }) => m)),
  ].slice(0, registrations);
  const registrationLatencies: number[] = [];
  let duplicatesProposed = 0;
  const regStarted = performance.now();
  const regCpu = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < toRegister.length) {
        const input = toRegister[next++]!;
        const started = performance.now();
        const result = await registerPerson(ctx, input);
        registrationLatencies.push(performance.now() - started);
        if (result.possibleDuplicates.length > 0) duplicatesProposed += 1;
      }
    }),
  );
  const regSeconds = (performance.now() - regStarted) / 1000;
  const regCpuMs = cpuMs(process.cpuUsage(regCpu));

  log(`searching ${queryCount} misspelled and other-script queries`);
  const app = await buildApp({
    db: bench.db,
    keys,
    now: () => new Date(),
    demoMode: false,
    instanceId: 'bench',
  });
  const { token } = await createApiToken(system, { userId: user.id, name: 'bench' });
  const rng = seededRandom(7);
  const everyone = [...population.singles, ...population.households.flatMap((h) => h.members)];
  const searchLatencies: number[] = [];
  const searchCpu = process.cpuUsage();
  let hits = 0;
  for (let i = 0; i < queryCount; i += 1) {
    const target = everyone[Math.floor(rng() * everyone.length)]!;
    const q = queryFor(target, rng);
    const started = performance.now();
    const response = await app.inject({
      method: 'GET',
      url: `/api/people?q=${encodeURIComponent(q)}&limit=10`,
      headers: { authorization: `Bearer ${token}` },
    });
    searchLatencies.push(performance.now() - started);
    const items = (
      response.json() as {
        items: Array<{ givenName?: string; fathersName?: string | null; familyName?: string | null }>;
      }
    ).items;
    if (
      items.some(
        (p) =>
          p.givenName === target.givenName &&
          (p.fathersName ?? p.familyName ?? null) === (target.fathersName ?? target.familyName ?? null),
      )
    )
      hits += 1;
  }
  const searchCpuMs = cpuMs(process.cpuUsage(searchCpu));
  await app.close();

  const result = {
    benchmark: 'registry',
    engine,
    people: peopleCount,
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
    loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100),
    bulkRegistration: {
      seconds: Math.round(bulkSeconds * 10) / 10,
      perSecond: Math.round(peopleCount / bulkSeconds),
    },
    registration: {
      count: toRegister.length,
      concurrency,
      perSecond: Math.round((toRegister.length / regSeconds) * 10) / 10,
      latencyMs: summarise(registrationLatencies),
      withPossibleDuplicates: duplicatesProposed,
      // CPU per registration is what a busy shared machine changes least (wall time waits for it).
      cpuMsPerRegistration: Math.round((regCpuMs / toRegister.length) * 100) / 100,
    },
    search: {
      queries: queryCount,
      latencyMs: summarise(searchLatencies),
      namesakeInTop10: Math.round((hits / queryCount) * 1000) / 1000,
      cpuMsPerQuery: Math.round((searchCpuMs / queryCount) * 100) / 100,
    },
    targets: { registrationsPerSecond: 200, searchP95Ms: engine === 'sqlite' ? 100 : 200 },
  };
  const file = new URL(`./results/registry-${engine}-${peopleCount}.json`, import.meta.url);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  await bench.destroy();
}

await main();
