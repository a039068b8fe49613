/**
 * npm run bench:sync -- [--engine sqlite|postgres] [--registrations 1000] [--devices 10]
 * Offline sync (issue 13) against the real server on loopback (`passerelle serve`, plain HTTP):
 *  (a) one device pushes --registrations people registered offline, in the web client's batches
 *      of 500 changes (web/src/features/offline/sync.ts), households made offline included;
 *  (b) --devices devices, one field officer each, push --registrations people each at the same
 *      time, each sending its last batch again once done (a retry after a lost response).
 * Then the database is checked: exactly the expected people, households and `person.create`
 * audit entries; every client change id recorded once with one person; none lost, none doubled.
 * Writes bench/results/sync-<engine>.json with the machine's load. Target: (a) under 30 s.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { deriveKeyRing, parseMasterKey } from '../src/crypto/index.js';
import type { Engine } from '../src/db/engine.js';
import { createApiToken } from '../src/modules/access/account.service.js';
import { SYSTEM_ACTOR } from '../src/modules/access/actor.js';
import { createOrganisation, createUser } from '../src/modules/access/users.service.js';
import { generatePopulation } from '../src/modules/registry/population-generator.js';
import type { RegisterPersonInput } from '../src/modules/registry/registry.schema.js';
import type { ServiceContext } from '../src/server/context.js';
import { killHard, startServerProcess } from '../test/helpers/server-process.js';
import { arg, openBenchDatabase, summarise } from './lib/bench-db.js';

const engine = arg('engine', 'sqlite') as Engine;
const registrations = Number(arg('registrations', '1000'));
const deviceCount = Number(arg('devices', '10'));
/** The web client's batch (MAX_CHANGES_PER_SYNC on the server). */
const BATCH = 500;
/** Like the client, a change answered `failed` or `waiting` is sent again at the next sync. */
const MAX_ROUNDS = 5;

function log(message: string) {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

/** How busy the shared machine was (`uptime`), recorded beside each timing. */
function machineLoad() {
  let uptime = '';
  try {
    uptime = execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    uptime = 'unavailable';
  }
  return { uptime, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) };
}

interface Change {
  id: string;
  kind: 'person.create' | 'household.create';
  dependsOn: string[];
  payload: Record<string, unknown>;
  recordedAt: string;
}

interface Outcome {
  changeId: string;
  kind: string;
  status: 'applied' | 'conflict' | 'waiting' | 'rejected' | 'failed';
  replayed: boolean;
  entity: { id: string } | null;
  queuedForReview: number;
  error: { code: string; message: string } | null;
}

/** A device's offline queue: `count` registrations, households started offline as the form does. */
function offlineQueue(count: number, seed: number) {
  const population = generatePopulation(count, { seed, year: new Date().getUTCFullYear(), siteIds: [] });
  const changes: Change[] = [];
  let clock = Date.now() - 86_400_000;
  const make = (kind: Change['kind'], payload: Record<string, unknown>): Change => {
    clock += 1000;
    const change = {
      id: randomUUID(),
      kind,
      dependsOn: [],
      payload,
      recordedAt: new Date(clock).toISOString(),
    };
    changes.push(change);
    return change;
  };
  let people = 0;
  for (const household of population.households) {
    if (people >= count) break;
    const ref = `local:${make('household.create', {}).id}`;
    for (const member of household.members) {
      if (people >= count) break;
      make('person.create', { ...member, householdId: ref });
      people += 1;
    }
  }
  for (const single of population.singles) {
    if (people >= count) break;
    make('person.create', { ...(single as RegisterPersonInput) });
    people += 1;
  }
  if (people < count) throw new Error(`the generator gave ${people} people, ${count} asked`);
  return changes;
}

interface Device {
  label: string;
  userId: string;
  token: string;
  deviceId: string;
  changes: Change[];
}

class SyncClient {
  constructor(private readonly baseUrl: string) {}

  async post(token: string, path: string, body: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // kept as text
    }
    if (response.status >= 400) throw new Error(`${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return { status: response.status, body: parsed };
  }
}

interface DeviceRun {
  batchMs: number[];
  requests: number;
  rounds: number;
  outcomes: Map<string, Outcome>;
  statusCounts: Record<string, number>;
  queuedForReview: number;
  lastBatch: Change[];
  lastOfflinePeople: string[];
}

/**
 * Sends the queue as the web client does: oldest first, 500 changes a request, the device's own
 * registrations as `offlinePeople` with the last batch; changes without a final outcome are sent
 * again in a following round (the client's next sync).
 */
async function pushQueue(client: SyncClient, device: Device, onBatch?: (sent: number) => void) {
  const run: DeviceRun = {
    batchMs: [],
    requests: 0,
    rounds: 0,
    outcomes: new Map(),
    statusCounts: {},
    queuedForReview: 0,
    lastBatch: [],
    lastOfflinePeople: [],
  };
  let queue = device.changes;
  while (queue.length > 0 && run.rounds < MAX_ROUNDS) {
    run.rounds += 1;
    const offlinePeople = queue
      .filter((c) => c.kind === 'person.create')
      .map((c) => `local:${c.id}`)
      .slice(0, 1000);
    for (let start = 0; start < queue.length; start += BATCH) {
      const batch = queue.slice(start, start + BATCH);
      const last = start + BATCH >= queue.length;
      const body = { deviceId: device.deviceId, changes: batch, offlinePeople: last ? offlinePeople : [] };
      const started = performance.now();
      const answer = await client.post(device.token, '/api/sync', body);
      run.batchMs.push(performance.now() - started);
      run.requests += 1;
      for (const result of answer.body.results as Outcome[]) run.outcomes.set(result.changeId, result);
      if (last) {
        run.lastBatch = batch;
        run.lastOfflinePeople = body.offlinePeople;
      }
      onBatch?.(start + batch.length);
    }
    queue = queue.filter((c) => {
      const status = run.outcomes.get(c.id)?.status;
      return status === undefined || status === 'failed' || status === 'waiting';
    });
  }
  for (const outcome of run.outcomes.values()) {
    run.statusCounts[outcome.status] = (run.statusCounts[outcome.status] ?? 0) + 1;
    run.queuedForReview += outcome.queuedForReview;
  }
  return run;
}

/** The retry after a lost response: the same batch again; every change must answer its first outcome. */
async function resendLastBatch(client: SyncClient, device: Device, run: DeviceRun) {
  const started = performance.now();
  const answer = await client.post(device.token, '/api/sync', {
    deviceId: device.deviceId,
    changes: run.lastBatch,
    offlinePeople: run.lastOfflinePeople,
  });
  const ms = performance.now() - started;
  let replayed = 0;
  let sameEntity = 0;
  for (const result of answer.body.results as Outcome[]) {
    if (result.replayed) replayed += 1;
    if (result.entity?.id === run.outcomes.get(result.changeId)?.entity?.id) sameEntity += 1;
  }
  return { sent: run.lastBatch.length, answered: answer.body.results.length, replayed, sameEntity, ms };
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

async function main() {
  const bench = await openBenchDatabase(engine, 'sync');
  const masterKey = randomBytes(32).toString('base64');
  const keys = deriveKeyRing(parseMasterKey(masterKey));
  const system: ServiceContext = { db: bench.db, keys, now: () => new Date(), actor: SYSTEM_ACTOR };
  const org = await createOrganisation(system, { slug: 'sync', name: 'Sync NGO', kind: 'ngo' });
  const officers: Array<{ label: string; userId: string; token: string }> = [];
  for (let i = 0; i <= deviceCount; i += 1) {
    const label = i === 0 ? 'solo' : `team-${i}`;
    const user = await createUser(system, {
      email: `${label}@bench.example`,
      name: `Field officer ${label}`,
      roles: ['registration_officer'],
      password: 'a-long-benchmark-passphrase',
      orgId: org.id,
    });
    const { token } = await createApiToken(system, { userId: user.id, name: label });
    officers.push({ label, userId: user.id, token });
  }

  const server = await startServerProcess({ DATABASE_URL: bench.url, PASSERELLE_MASTER_KEY: masterKey });
  const client = new SyncClient(server.url);
  log(`server at ${server.url} on ${engine}`);
  let failure: unknown = null;
  try {
    const devices: Device[] = [];
    for (const [i, officer] of officers.entries()) {
      const registered = await client.post(officer.token, '/api/me/devices', {
        name: `${officer.label} phone`,
      });
      devices.push({
        ...officer,
        deviceId: registered.body.device.id,
        changes: offlineQueue(registrations, 100 + i),
      });
    }
    const [solo, ...team] = devices as [Device, ...Device[]];

    // (a) One device back from the field.
    log(
      `(a) one device: ${registrations} registrations, ${solo.changes.length} changes, batches of ${BATCH}`,
    );
    const loadBeforeA = machineLoad();
    const startedA = performance.now();
    const runA = await pushQueue(client, solo, (sent) => log(`(a) sent ${sent}/${solo.changes.length}`));
    const secondsA = (performance.now() - startedA) / 1000;
    log(`(a) ${round(secondsA)} s, ${JSON.stringify(runA.statusCounts)}`);

    // (b) Every device at once; each one, as soon as it is done, sends its last batch again (the
    // retry of a device that lost the answer) while the others are still pushing.
    log(`(b) ${team.length} devices x ${registrations} registrations at once, each retrying its last batch`);
    const loadBeforeB = machineLoad();
    const startedB = performance.now();
    let doneB = 0;
    const pushed = await Promise.all(
      team.map(async (device) => {
        const run = await pushQueue(client, device);
        const retry = await resendLastBatch(client, device, run);
        doneB += 1;
        log(
          `(b) ${device.label} done (${doneB}/${team.length}) ${JSON.stringify(run.statusCounts)}, retry replayed ${retry.replayed}/${retry.sent}`,
        );
        return { run, retry };
      }),
    );
    const secondsB = (performance.now() - startedB) / 1000;
    const runsB = pushed.map((p) => p.run);
    const retries = pushed.map((p) => p.retry);
    log(`(b) all pushed in ${round(secondsB)} s`);
    const loadAfter = machineLoad();

    log('verifying through the database');
    const verification = await verify(devices);
    const batchMsB = runsB.flatMap((r) => r.batchMs);
    const changesB = team.reduce((sum, d) => sum + d.changes.length, 0);
    const statusB: Record<string, number> = {};
    for (const run of runsB)
      for (const [status, n] of Object.entries(run.statusCounts))
        statusB[status] = (statusB[status] ?? 0) + n;
    const retryTotals = retries.reduce(
      (sum, r) => ({
        sent: sum.sent + r.sent,
        answered: sum.answered + r.answered,
        replayed: sum.replayed + r.replayed,
        sameEntity: sum.sameEntity + r.sameEntity,
      }),
      { sent: 0, answered: 0, replayed: 0, sameEntity: 0 },
    );
    const outcome = {
      benchmark: 'sync',
      engine,
      command: `npm run bench:sync -- --engine ${engine} --registrations ${registrations} --devices ${deviceCount}`,
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
      transport: 'HTTP on loopback (127.0.0.1), real server process (passerelle serve)',
      batchSize: BATCH,
      load: { beforeSingleDevice: loadBeforeA, beforeConcurrent: loadBeforeB, atEnd: loadAfter },
      singleDevice: {
        registrations,
        changes: solo.changes.length,
        households: solo.changes.filter((c) => c.kind === 'household.create').length,
        requests: runA.requests,
        rounds: runA.rounds,
        seconds: round(secondsA),
        changesPerSecond: round(solo.changes.length / secondsA, 1),
        registrationsPerSecond: round(registrations / secondsA, 1),
        batchMs: summarise(runA.batchMs),
        outcomes: runA.statusCounts,
        queuedForReview: runA.queuedForReview,
        withinTarget: secondsA < 30,
      },
      concurrentDevices: {
        devices: team.length,
        registrationsPerDevice: registrations,
        changes: changesB,
        requests: runsB.reduce((sum, r) => sum + r.requests, 0),
        maxRounds: Math.max(0, ...runsB.map((r) => r.rounds)),
        seconds: round(secondsB),
        changesPerSecond: round(changesB / secondsB, 1),
        batchMs: summarise(batchMsB),
        outcomes: statusB,
        queuedForReview: runsB.reduce((sum, r) => sum + r.queuedForReview, 0),
        retryOfLastBatch: { ...retryTotals, ms: summarise(retries.map((r) => r.ms)) },
      },
      verification,
      target: {
        singleDeviceSeconds: 30,
        concurrent: 'no lost or doubled record: people = changes applied = distinct client ids',
      },
      passed: secondsA < 30 && verification.ok && retryTotals.replayed === retryTotals.sent,
    };
    writeFileSync(
      new URL(`./results/sync-${engine}.json`, import.meta.url),
      `${JSON.stringify(outcome, null, 2)}\n`,
    );
    process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
    if (!outcome.passed) process.exitCode = 1;
  } catch (error) {
    failure = error;
  } finally {
    await killHard(server);
    await bench.destroy();
  }
  if (failure) {
    process.stderr.write(`${server.output().slice(-3000)}\n`);
    throw failure;
  }

  /** Counts in the database what the devices sent: each client change id once, one person each. */
  async function verify(all: Device[]) {
    const db = bench.db;
    const perDevice = [];
    let ok = true;
    for (const device of all) {
      const sentCreates = device.changes.filter((c) => c.kind === 'person.create');
      const sentHouseholds = device.changes.filter((c) => c.kind === 'household.create');
      const rows = await db
        .selectFrom('sync_changes')
        .select(['change_id', 'kind', 'status', 'entity_id'])
        .where('device_id', '=', device.deviceId)
        .execute();
      const recorded = new Map<string, number>();
      for (const row of rows) recorded.set(row.change_id, (recorded.get(row.change_id) ?? 0) + 1);
      const lost = device.changes.filter((c) => !recorded.has(c.id)).length;
      const recordedTwice = [...recorded.values()].filter((n) => n > 1).length;
      const createRows = rows.filter((r) => r.kind === 'person.create' && r.status === 'applied');
      const personIds = new Set(createRows.map((r) => r.entity_id));
      const people = await db
        .selectFrom('people')
        .select(['id', 'household_id'])
        .where('created_by', '=', device.userId)
        .execute();
      const peopleIds = new Set(people.map((p) => p.id));
      const withoutChange = people.filter((p) => !personIds.has(p.id)).length;
      const changeWithoutPerson = [...personIds].filter((id) => !id || !peopleIds.has(id)).length;
      const pending = await db
        .selectFrom('sync_pending')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('device_id', '=', device.deviceId)
        .executeTakeFirstOrThrow();
      const households = new Set(people.map((p) => p.household_id).filter(Boolean)).size;
      const entry = {
        device: device.label,
        changesSent: device.changes.length,
        changesRecorded: recorded.size,
        lost,
        recordedTwice,
        personCreatesSent: sentCreates.length,
        personCreatesApplied: createRows.length,
        distinctPeopleFromChanges: personIds.size,
        peopleInDatabase: people.length,
        peopleWithoutChange: withoutChange,
        changesWithoutPerson: changeWithoutPerson,
        householdsSent: sentHouseholds.length,
        householdsOfTheirPeople: households,
        stillPending: Number(pending.n),
      };
      const deviceOk =
        lost === 0 &&
        recordedTwice === 0 &&
        recorded.size === device.changes.length &&
        createRows.length === sentCreates.length &&
        personIds.size === sentCreates.length &&
        people.length === sentCreates.length &&
        withoutChange === 0 &&
        changeWithoutPerson === 0 &&
        households === sentHouseholds.length &&
        entry.stillPending === 0;
      if (!deviceOk) ok = false;
      perDevice.push({ ...entry, ok: deviceOk });
    }
    const expectedPeople = all.reduce(
      (sum, d) => sum + d.changes.filter((c) => c.kind === 'person.create').length,
      0,
    );
    const expectedHouseholds = all.reduce(
      (sum, d) => sum + d.changes.filter((c) => c.kind === 'household.create').length,
      0,
    );
    const count = async (table: 'people' | 'households') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const audits = Number(
      (
        await db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', 'person.create')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const totals = {
      expectedPeople,
      peopleInDatabase: await count('people'),
      expectedHouseholds,
      householdsInDatabase: await count('households'),
      personCreateAuditEntries: audits,
      lost: perDevice.reduce((sum, d) => sum + d.lost, 0),
      doubled: perDevice.reduce((sum, d) => sum + d.recordedTwice + d.peopleWithoutChange, 0),
    };
    if (
      totals.peopleInDatabase !== expectedPeople ||
      totals.householdsInDatabase !== expectedHouseholds ||
      audits !== expectedPeople
    )
      ok = false;
    log(`verification ${ok ? 'passed' : 'FAILED'}: ${JSON.stringify(totals)}`);
    return { ok, ...totals, perDevice };
  }
}

await main();
