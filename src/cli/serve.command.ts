import { DEMO_PASSWORD, DEMO_USERS, isEmptyDatabase, seedDemo } from '../db/seed/demo.js';
import { scheduleCaseDeadlines } from '../modules/cases/deadlines.service.js';
import { repairLedgerFile } from '../modules/dataprotection/erasure/ledger-file.js';
import { scheduleRetention } from '../modules/dataprotection/retention/retention.job.js';
import { scheduleReunificationDeadlines } from '../modules/reunification/deadline-alerts.service.js';
import { buildApp } from '../server/app.js';
import { loadConfig, type ServerConfig } from '../server/config.js';
import { startJobRunner } from '../server/jobs/jobs.service.js';
import { appDepsFor, isDemoDatabase, openRuntime, type Runtime } from '../server/runtime.js';
import { progress } from './output.js';
import { parseWorkerCount, reportListening, runWorkers, workerRole } from './serve-cluster.js';

export interface ServeOptions {
  port?: string;
  host?: string;
  demoIfEmpty?: boolean;
  people?: string;
  workers?: string;
}

export async function serveCommand(options: ServeOptions): Promise<void> {
  const config = loadConfig({
    ...process.env,
    ...(options.port ? { PORT: options.port } : {}),
    ...(options.host ? { HOST: options.host } : {}),
  });
  const role = workerRole();
  const workers = parseWorkerCount(options.workers ?? process.env.PASSERELLE_WORKERS);
  const runtime = await openRuntime(config, {
    onKeyCreated: (path) =>
      process.stderr.write(
        `\n!! A new master key was created at ${path}.\n!! Back it up somewhere safe and separate from the database: without it the data cannot be read.\n\n`,
      ),
    onMigration: (name) => progress(`migrated ${name}`),
  });
  if (role === null) await prepareDatabase(runtime, config, options);
  if (role === null && workers > 1) {
    const demoMode = await isDemoDatabase(runtime.db);
    await runtime.close();
    progress(`starting ${workers} server processes`);
    const { port } = await runWorkers(workers);
    announce(config.host, port, demoMode);
    return;
  }
  const deps = await appDepsFor(runtime, config);
  const app = await buildApp(deps, {
    logger: {
      level: process.env.LOG_LEVEL ?? 'warn',
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
  });
  const runsJobs = role === null || role === 'jobs';
  if (runsJobs) {
    await scheduleCaseDeadlines(deps);
    await scheduleReunificationDeadlines(deps);
    await scheduleRetention(deps);
  }
  const stopJobs = runsJobs ? startJobRunner(runtime.db, deps.instanceId, deps.now) : async () => undefined;
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  if (role === null) announce(config.host, port, deps.demoMode);
  else reportListening(port);
  const shutdown = async () => {
    await stopJobs();
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

/** Once per start, before any server process serves: demo seed, erasure ledger file. */
async function prepareDatabase(runtime: Runtime, config: ServerConfig, options: ServeOptions): Promise<void> {
  if (options.demoIfEmpty && (await isEmptyDatabase(runtime.db))) {
    progress('empty database: seeding the demo scenario');
    await seedDemo(runtime.db, runtime.keys, {
      people: Number(options.people ?? 2000),
      onProgress: progress,
    });
  }
  const ledger = await repairLedgerFile(runtime.db, runtime.keys, config.erasureLedgerPath);
  if (ledger.written > 0) progress(`erasure ledger file: ${ledger.written} entries written`);
  for (const problem of ledger.problems) process.stderr.write(`!! erasure ledger: ${problem}\n`);
}

function announce(host: string, port: number, demoMode: boolean): void {
  const shownHost = host === '0.0.0.0' || host === '127.0.0.1' || host === '::' ? 'localhost' : host;
  process.stdout.write(`\nPasserelle is running at http://${shownHost}:${port}\n`);
  if (!demoMode) return;
  process.stdout.write(
    `\nDemo data (generated, no real people). Sign in with any of these, password ${DEMO_PASSWORD}\n`,
  );
  for (const user of DEMO_USERS)
    process.stdout.write(`  ${user.email.padEnd(42)} ${user.roles.join(', ')}\n`);
  process.stdout.write(
    'The admin needs no second factor; the other roles enrol an authenticator app at first sign-in.\n\n',
  );
}
