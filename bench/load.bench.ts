/**
 * npm run bench:load -- [--engine sqlite|postgres] [--people 100000] [--duration 60] [--connections 100] [--workers 1]
 * Starts the real server on a database holding a generated population, then drives it with
 * autocannon on loopback: a mix of search, person reads, registrations and availability reads.
 * Writes bench/results/load-<engine>-<people>-<workers>workers.json. Target: zero errors and 5xx, p99 under 500 ms.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { deriveKeyRing, parseMasterKey } from '../src/crypto/index.js';
import type { Engine } from '../src/db/engine.js';
import { createApiToken } from '../src/modules/access/account.service.js';
import { SYSTEM_ACTOR } from '../src/modules/access/actor.js';
import { permissionsOf } from '../src/modules/access/permissions.js';
import { createOrganisation, createUser } from '../src/modules/access/users.service.js';
import { bulkRegister } from '../src/modules/registry/bulk-registration.js';
import { generatePopulation, seededRandom } from '../src/modules/registry/population-generator.js';
import type { ServiceContext } from '../src/server/context.js';
import { buildPerson } from '../test/factories/people.js';
import { startServerProcess, stopGracefully } from '../test/helpers/server-process.js';
import { arg, openBenchDatabase, summarise } from './lib/bench-db.js';

const engine = arg('engine', 'sqlite') as Engine;
const people = Number(arg('people', '100000'));
const duration = Number(arg('duration', '60'));
const connections = Number(arg('connections', '100'));
/** Server processes (`serve --workers`): one per core is how a production server would run. */
const workers = Number(arg('workers', '1'));

function log(message: string) {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

async function main() {
  const bench = await openBenchDatabase(engine, 'load');
  const masterKey = randomBytes(32).toString('base64');
  const keys = deriveKeyRing(parseMasterKey(masterKey));
  const system: ServiceContext = { db: bench.db, keys, now: () => new Date(), actor: SYSTEM_ACTOR };
  const org = await createOrganisation(system, { slug: 'load', name: 'Load NGO', kind: 'ngo' });
  const user = await createUser(system, {
    email: 'load@bench.example',
    name: 'Load',
    roles: ['registration_officer', 'reception_coordinator'],
    password: 'a-long-benchmark-passphrase',
    orgId: org.id,
  });
  const actorCtx: ServiceContext = {
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
  log(`generating ${people} people on ${engine}`);
  const population = generatePopulation(people, { seed: 9, year: new Date().getUTCFullYear(), siteIds: [] });
  await bulkRegister(actorCtx, population, {
    batchSize: 1000,
    onProgress: (done, total) => done % 20000 < 1000 && log(`bulk ${done}/${total}`),
  });
  const ids = (await bench.db.selectFrom('people').select('id').limit(5000).execute()).map((r) => r.id);
  const names = [...population.singles.slice(0, 2000)].map((p) =>
    `${p.givenName} ${p.fathersName ?? p.familyName ?? ''}`.trim(),
  );
  const token = (await createApiToken(system, { userId: user.id, name: 'load' })).token;

  const server = await startServerProcess({
    DATABASE_URL: bench.url,
    PASSERELLE_MASTER_KEY: masterKey,
    PASSERELLE_WORKERS: String(workers),
  });
  log(`server at ${server.url}; ${connections} connections for ${duration} s`);
  const loadAverageBefore = loadavg().map((l) => Math.round(l * 100) / 100);
  const rng = seededRandom(3);
  const pick = <T>(items: T[]) => items[Math.floor(rng() * items.length)]!;
  let registrationNumber = 0;
  type Kind = 'search' | 'personRead' | 'registration' | 'availability';
  type Timing = { kind: Kind; started: number };
  const latencies: Record<Kind | 'all', number[]> = {
    all: [],
    search: [],
    personRead: [],
    registration: [],
    availability: [],
  };
  const failures: string[] = [];
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const result = await autocannon({
    url: server.url,
    connections,
    duration,
    requests: [
      {
        setupRequest: (request, connection) => {
          const context = connection as Timing;
          const roll = rng();
          context.kind =
            roll < 0.4 ? 'search' : roll < 0.7 ? 'personRead' : roll < 0.85 ? 'registration' : 'availability';
          context.started = performance.now();
          const get = (path: string) => ({
            ...request,
            method: 'GET' as const,
            path,
            body: undefined,
            headers: { authorization: headers.authorization },
          });
          if (roll < 0.4) return get(`/api/people?q=${encodeURIComponent(pick(names))}&limit=10`);
          if (roll < 0.7) return get(`/api/people/${pick(ids)}`);
          if (roll < 0.85) {
            registrationNumber += 1;
            return {
              ...request,
              method: 'POST',
              path: '/api/people',
              headers,
              body: JSON.stringify(buildPerson({ givenName: `Load${registrationNumber}` })),
            };
          }
          return get('/api/reception/availability');
        },
        onResponse: (status, body, connection) => {
          const context = connection as Timing;
          // Each connection sends its next request only after this response: one timing per context.
          const took = performance.now() - context.started;
          latencies.all.push(took);
          latencies[context.kind].push(took);
          if (status >= 400 && failures.length < 5) failures.push(`${status} ${body.slice(0, 200)}`);
        },
      },
    ],
  });
  await stopGracefully(server);
  const outcome = {
    benchmark: 'load',
    engine,
    people,
    connections,
    workers,
    durationSeconds: duration,
    loadAverageBefore,
    loadAverageAfter: loadavg().map((l) => Math.round(l * 100) / 100),
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
    mix: { search: 0.4, personRead: 0.3, registration: 0.15, availability: 0.15 },
    requests: result.requests.total,
    throughputPerSecond: Math.round(result.requests.average),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    /** Timed here per request kind (autocannon gives no p95); `all` should agree with latencyMs. */
    latencyByKindMs: Object.fromEntries(
      Object.entries(latencies).map(([kind, samples]) => [kind, summarise(samples)]),
    ),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    status5xx: result['5xx'],
    statusCodes: result.statusCodeStats,
    sampleFailures: failures,
    target: { errors: 0, status5xx: 0, p99Ms: 500 },
  };
  writeFileSync(
    new URL(`./results/load-${engine}-${people}-${workers}workers.json`, import.meta.url),
    `${JSON.stringify(outcome, null, 2)}\n`,
  );
  process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
  await bench.destroy();
}

await main();
