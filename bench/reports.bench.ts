/**
 * npm run bench:reports -- [--engine sqlite|postgres] [--people 100000] [--requests 50] [--section-runs 5] [--reuse]
 * Latency of GET /api/reports/overview (issue 10: p95 under 500 ms at 100,000 people on SQLite and
 * 1,000,000 on PostgreSQL), read by the demo analyst with API token, over a mix of requests with no
 * filter, a site filter and a period filter. The database holds the demo scenario (organisations,
 * sites made through the sites service, cases, reception centres, stays, relocations, counselling,
 * reunification) with its 2,000 demo people, plus a generated population bulk-registered in
 * batches of 1,000 across the demo sites, up to --people in all. Each section's queries are then
 * timed one at a time, to see which one dominates. Writes bench/results/reports-<engine>-<people>.json.
 * --reuse keeps the database (bench-db's keep) and its master key between runs: the first run builds
 * it, later runs apply new migrations and skip the setup (about 18 minutes at 1,000,000 people).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveKeyRing } from '../src/crypto/index.js';
import type { Engine } from '../src/db/engine.js';
import { refreshPlannerStatistics } from '../src/db/maintenance.js';
import { seedDemo } from '../src/db/seed/demo.js';
import { createApiToken } from '../src/modules/access/account.service.js';
import { SYSTEM_ACTOR } from '../src/modules/access/actor.js';
import { permissionsOf } from '../src/modules/access/permissions.js';
import { loadCentres } from '../src/modules/reception/capacity.service.js';
import { bulkRegister } from '../src/modules/registry/bulk-registration.js';
import {
  type GeneratedPopulation,
  generatePopulation,
} from '../src/modules/registry/population-generator.js';
import {
  countCounselling,
  countOpenCases,
  countOverdueWork,
  countRelocationWeeks,
  countReturnCohort,
} from '../src/modules/reporting/activity.repository.js';
import { getOverview } from '../src/modules/reporting/overview.service.js';
import {
  countChildrenAlone,
  countNeeds,
  countPeopleByNationality,
  countPeopleBySiteSexAge,
} from '../src/modules/reporting/population.repository.js';
import { resolveReport } from '../src/modules/reporting/report-filter.js';
import type { ReportQuery } from '../src/modules/reporting/reporting.schema.js';
import { loadReunification } from '../src/modules/reporting/reunification-section.js';
import { getPopulation } from '../src/modules/sites/population.service.js';
import { findDemoSites } from '../src/modules/sites/sites.seed.js';
import { buildApp } from '../src/server/app.js';
import type { ServiceContext } from '../src/server/context.js';
import { arg, type BenchDatabase, openBenchDatabase, summarise } from './lib/bench-db.js';

const engine = arg('engine', 'sqlite') as Engine;
const peopleCount = Number(arg('people', engine === 'sqlite' ? '100000' : '1000000'));
const requestCount = Number(arg('requests', '50'));
const sectionRuns = Number(arg('section-runs', '5'));
const reuse = process.argv.includes('--reuse');
const DEMO_PEOPLE = Math.min(2000, peopleCount);
const TARGET_P95_MS = 500;
const DAY = 86_400_000;

function log(message: string) {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

const load = () => loadavg().map((l) => Math.round(l * 100) / 100);
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const round = (ms: number) => Math.round(ms * 10) / 10;

type Kind = 'none' | 'site' | 'period';

/** The population cut into batches of about `size` people, households kept whole, in bulkRegister's order. */
function* batchesOf(population: GeneratedPopulation, size: number): Generator<GeneratedPopulation> {
  let batch: GeneratedPopulation = { singles: [], households: [] };
  let count = 0;
  const flush = function* () {
    if (count > 0) yield batch;
    batch = { singles: [], households: [] };
    count = 0;
  };
  for (const single of population.singles) {
    batch.singles.push(single);
    count += 1;
    if (count >= size) yield* flush();
  }
  for (const household of population.households) {
    batch.households.push(household);
    count += household.members.length;
    if (count >= size) yield* flush();
  }
  yield* flush();
}

/** A kept database keeps its master key too (API tokens and audit entries are keyed with it). */
function masterKey(): Buffer {
  if (!reuse) return randomBytes(32);
  const file = join(tmpdir(), `passerelle-bench-reports-${engine}.key`);
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8'), 'base64');
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}

async function countPeople(db: ServiceContext['db']): Promise<number> {
  const row = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The demo sites, organisations and users by their fixed names. */
async function demoDirectory(db: ServiceContext['db']) {
  const sites = await findDemoSites(db);
  if (!sites) throw new Error('the demo sites are missing');
  const orgs = await db.selectFrom('organisations').select(['id', 'slug']).execute();
  const users = await db.selectFrom('users').select(['id', 'email']).execute();
  const orgId = (slug: string) => orgs.find((o) => o.slug === slug)!.id;
  const userId = (email: string) => users.find((u) => u.email === email)!.id;
  return { sites, orgId, userId };
}

interface SetupFigures {
  seedSeconds: number;
  bulkCount: number;
  bulkSeconds: number;
  codeCollisions: number;
}

/** The demo scenario, then the generated population bulk-registered up to --people. */
async function populate(
  bench: BenchDatabase,
  keys: ServiceContext['keys'],
  system: ServiceContext,
): Promise<SetupFigures> {
  log(
    `seeding the demo scenario (${DEMO_PEOPLE} people, sites, cases, reception, reunification) on ${engine}`,
  );
  const seedStarted = performance.now();
  let lastStep = '';
  await seedDemo(bench.db, keys, {
    people: DEMO_PEOPLE,
    onProgress: (step) => {
      if (step !== lastStep) log(`demo: ${step}`);
      lastStep = step;
    },
  });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const { sites, orgId, userId } = await demoDirectory(bench.db);

  // The rest of the population: registered by the demo NGO (most) and the children's NGO, so that
  // suppression has other organisations' parts to weigh, spread over the camp zone still open, the
  // reception centre and the orientation centres.
  const bulkCount = peopleCount - DEMO_PEOPLE;
  const siteIds = [
    sites.northZone,
    sites.northZone,
    sites.northZone,
    sites.receptionCentre,
    ...sites.orientationCentres.map((c) => c.id),
  ];
  const registrar = (slug: string, email: string): ServiceContext => ({
    ...system,
    actor: {
      userId: userId(email),
      orgId: orgId(slug),
      roles: ['registration_officer'],
      permissions: permissionsOf(['registration_officer']),
      via: 'token',
      secondFactorSatisfied: true,
    },
  });
  const year = new Date().getUTCFullYear();
  const bulkStarted = performance.now();
  const parts = [
    {
      ctx: registrar('demo-ngo', 'registration@demo.passerelle.example'),
      count: Math.round(bulkCount * 0.9),
    },
    {
      ctx: registrar('demo-children', 'children@demo.passerelle.example'),
      count: bulkCount - Math.round(bulkCount * 0.9),
    },
  ];
  let registered = 0;
  let codeCollisions = 0;
  for (const [index, part] of parts.entries()) {
    if (part.count <= 0) continue;
    log(
      `generating ${part.count} people for ${part.ctx.actor.orgId === orgId('demo-ngo') ? 'the NGO' : 'the children’s NGO'}`,
    );
    const population = generatePopulation(part.count, { seed: 10 + index, year, siteIds });
    let done = 0;
    for (const slice of batchesOf(population, 1000)) {
      // bulkRegister retries a batch 3 times when a drawn person code is already taken; past about
      // 200,000 people a batch of 1,000 collides often enough that 4 draws in a row can all fail
      // (6 characters over a 27-letter alphabet), so each batch gets more draws here.
      for (let attempt = 0; ; attempt += 1) {
        try {
          await bulkRegister(part.ctx, slice, { batchSize: 1000, refreshStatistics: false });
          break;
        } catch (error) {
          if (attempt >= 20 || !/unique|UNIQUE/.test(String(error))) throw error;
          codeCollisions += 1;
        }
      }
      const before = done;
      done += slice.singles.length + slice.households.reduce((n, h) => n + h.members.length, 0);
      if (Math.floor(done / 20000) > Math.floor(before / 20000) || done === part.count)
        log(`bulk ${registered + done}/${bulkCount} (load ${load().join(' ')})`);
    }
    registered += part.count;
  }
  const bulkSeconds = (performance.now() - bulkStarted) / 1000;
  return { seedSeconds, bulkCount, bulkSeconds, codeCollisions };
}

async function main() {
  const bench = await openBenchDatabase(engine, 'reports', { keep: reuse });
  const keys = deriveKeyRing(masterKey());
  const system: ServiceContext = { db: bench.db, keys, now: () => new Date(), actor: SYSTEM_ACTOR };
  const existing = reuse ? await countPeople(bench.db) : 0;
  if (existing > 0 && existing < peopleCount)
    throw new Error(
      `the kept database holds ${existing} people, fewer than ${peopleCount} (an interrupted setup?): drop it (schema bench_reports, or the passerelle-bench-reports.db file) and run again`,
    );
  const reused = existing >= peopleCount;
  if (reused) log(`reusing the kept database: ${existing} people, setup skipped`);
  const setup: SetupFigures | null = reused ? null : await populate(bench, keys, system);
  // After new migrations (reused) or the bulk phase: fresh planner statistics either way.
  await refreshPlannerStatistics(bench.db);
  const { sites, orgId, userId } = await demoDirectory(bench.db);

  const app = await buildApp({
    db: bench.db,
    keys,
    now: () => new Date(),
    demoMode: false,
    instanceId: 'bench',
  });
  const analystId = userId('analyst@demo.passerelle.example');
  const { token } = await createApiToken(system, { userId: analystId, name: 'bench' });

  const now = Date.now();
  const siteFilters = [
    sites.camp,
    sites.northZone,
    sites.receptionCentre,
    sites.orientationCentres[0]?.id,
  ].filter((id): id is string => Boolean(id));
  const periods = [
    { from: day(now - 27 * DAY), to: day(now) },
    { from: day(now - 364 * DAY), to: day(now) },
    { from: day(now - 180 * DAY), to: day(now - 90 * DAY) },
  ];
  const queryOf = (i: number): { kind: Kind; query: Partial<ReportQuery> } => {
    const kind = (['none', 'site', 'period'] as const)[i % 3]!;
    const round = Math.floor(i / 3);
    if (kind === 'site') return { kind, query: { siteId: siteFilters[round % siteFilters.length]! } };
    if (kind === 'period') return { kind, query: periods[round % periods.length]! };
    return { kind, query: {} };
  };
  const request = async (query: Partial<ReportQuery>) => {
    const search = new URLSearchParams(query as Record<string, string>).toString();
    const started = performance.now();
    const response = await app.inject({
      method: 'GET',
      url: `/api/reports/overview${search ? `?${search}` : ''}`,
      headers: { authorization: `Bearer ${token}` },
    });
    const ms = performance.now() - started;
    if (response.statusCode !== 200)
      throw new Error(`overview answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
    return { ms, body: response.json() as { population: unknown } };
  };

  log('first (cold) overview request');
  const cold = await request({});
  const sample = cold.body as {
    population: { registered: number | null; present: number | null };
    cases: unknown;
    relocations: unknown;
  };
  log(`cold ${round(cold.ms)} ms; warming up (one of each kind)`);
  for (let i = 0; i < 3; i += 1) await request(queryOf(i).query);

  log(`measuring ${requestCount} overview requests (no filter / site / period) — load ${load().join(' ')}`);
  const loadBefore = load();
  const latencies: number[] = [];
  const byKind: Record<Kind, number[]> = { none: [], site: [], period: [] };
  for (let i = 0; i < requestCount; i += 1) {
    const { kind, query } = queryOf(i);
    const { ms } = await request(query);
    latencies.push(ms);
    byKind[kind].push(ms);
    if ((i + 1) % 10 === 0) log(`${i + 1}/${requestCount} requests`);
  }
  const loadAfter = load();
  const overview = summarise(latencies);
  log(`overview p50 ${overview.p50} ms, p95 ${overview.p95} ms, p99 ${overview.p99} ms`);

  // Each section's queries alone, one after the other (in the overview they run side by side),
  // for the unfiltered report and a report on the camp; median of --section-runs runs.
  log(`timing each section's queries (${sectionRuns} runs each)`);
  const analyst: ServiceContext = {
    ...system,
    actor: {
      userId: analystId,
      orgId: orgId('demo-un'),
      roles: ['analyst'],
      permissions: permissionsOf(['analyst']),
      via: 'token',
      secondFactorSatisfied: true,
    },
  };
  const sections = async (query: Partial<ReportQuery>) => {
    const fullQuery: ReportQuery = { scope: 'all', ...query };
    const report = await resolveReport(analyst, fullQuery);
    const { filter } = report;
    const roots = filter.siteIds
      ? report.sitesInFilter.slice(0, 1)
      : report.sites.filter((s) => s.parent_id === null);
    const work: Record<string, () => Promise<unknown>> = {
      resolveReport: () => resolveReport(analyst, fullQuery),
      peopleBySiteSexAge: () => countPeopleBySiteSexAge(bench.db, filter),
      peopleByNationality: () => countPeopleByNationality(bench.db, filter),
      needs: () => countNeeds(bench.db, filter),
      childrenAlone: () => countChildrenAlone(bench.db, filter),
      openCases: () => countOpenCases(bench.db, filter),
      overdueWork: () => countOverdueWork(bench.db, filter),
      relocationWeeks: () => countRelocationWeeks(bench.db, filter),
      returnCohort: () => countReturnCohort(bench.db, filter),
      counselling: () => countCounselling(bench.db, filter),
      centres: () => loadCentres(bench.db, {}),
      reunification: () => loadReunification(bench.db, report),
      reconciledPopulations: () => Promise.all(roots.map((root) => getPopulation(analyst, root.id))),
      wholeOverviewInProcess: () => getOverview(analyst, fullQuery),
    };
    const medians: Record<string, number> = {};
    for (const [name, run] of Object.entries(work)) {
      const samples: number[] = [];
      for (let i = 0; i < sectionRuns; i += 1) {
        const started = performance.now();
        await run();
        samples.push(performance.now() - started);
      }
      medians[name] = round(summarise(samples).p50);
    }
    return medians;
  };
  const sectionMs = { noFilter: await sections({}), siteFilter: await sections({ siteId: sites.camp }) };
  await app.close();

  const result = {
    benchmark: 'reports',
    engine,
    people: peopleCount,
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
    loadAverage: { beforeRequests: loadBefore, afterRequests: loadAfter, end: load(), uptime: uptime() },
    setup: {
      reusedKeptDatabase: reused,
      demoSeedSeconds: setup ? round(setup.seedSeconds) : null,
      demoPeople: DEMO_PEOPLE,
      bulkPeople: peopleCount - DEMO_PEOPLE,
      bulkSeconds: setup ? round(setup.bulkSeconds) : null,
      bulkPerSecond: setup && setup.bulkSeconds > 0 ? Math.round(setup.bulkCount / setup.bulkSeconds) : null,
      batchesRetriedAfterBulkRegisterGaveUpOnCodeCollisions: setup ? setup.codeCollisions : null,
      sites: {
        camp: sites.camp,
        zones: 2,
        receptionCentre: 1,
        orientationCentres: sites.orientationCentres.length,
      },
      registeredShown: sample.population.registered,
    },
    overview: {
      requests: requestCount,
      mix: {
        none: 'no filter (last 12 weeks)',
        site: `siteId rotating over ${siteFilters.length} sites (camp with zones, north zone, reception centre, an orientation centre)`,
        period: periods.map((p) => `${p.from}..${p.to}`),
      },
      coldFirstRequestMs: round(cold.ms),
      latencyMs: overview,
      byKind: {
        none: summarise(byKind.none),
        site: summarise(byKind.site),
        period: summarise(byKind.period),
      },
    },
    sectionMedianMs: sectionMs,
    target: { overviewP95Ms: TARGET_P95_MS, met: overview.p95 < TARGET_P95_MS },
  };
  const file = new URL(`./results/reports-${engine}-${peopleCount}.json`, import.meta.url);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  await bench.destroy();
}

await main();
