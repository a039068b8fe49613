import cluster, { type Worker } from 'node:cluster';
import { progress } from './output.js';

/*
 * `passerelle serve --workers N`: N server processes sharing one port, so a machine's cores all
 * serve requests (one Node process uses one core; on SQLite it also sits idle during each fsync).
 * Servers are stateless (sessions, rate limits, jobs and locks live in the database), so the
 * workers need nothing from each other. The primary prepares the database once (migrations,
 * demo seed), starts the workers, restarts one that dies, and stops them all on SIGTERM.
 * Background jobs run in one worker only: they are safe to run twice, but there is no point.
 */

export const WORKER_ROLE_ENV = 'PASSERELLE_WORKER_ROLE';
const STOP_GRACE_MS = 15_000;

export type WorkerRole = 'jobs' | 'web';

export function workerRole(): WorkerRole | null {
  if (!cluster.isWorker) return null;
  return process.env[WORKER_ROLE_ENV] === 'jobs' ? 'jobs' : 'web';
}

/** Tells the primary that this worker listens; the primary announces the URL once. */
export function reportListening(port: number): void {
  process.send?.({ kind: 'listening', port });
}

export function parseWorkerCount(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 1;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 64)
    throw new Error(`--workers (or PASSERELLE_WORKERS) must be a whole number from 1 to 64, not "${value}"`);
  return count;
}

/**
 * Runs the workers and resolves with the port once every one of them listens. A worker that
 * exits unexpectedly is replaced (same role); one that cannot even start stops everything.
 */
export function runWorkers(count: number): Promise<{ port: number }> {
  return new Promise((resolve, reject) => {
    const listening = new Set<number>();
    let stopping = false;
    let announced = false;
    const start = (role: WorkerRole) => {
      const worker = cluster.fork({ [WORKER_ROLE_ENV]: role });
      worker.on('message', (message: { kind?: string; port?: number }) => {
        if (message?.kind !== 'listening' || typeof message.port !== 'number') return;
        listening.add(worker.id);
        if (!announced && listening.size === count) {
          announced = true;
          resolve({ port: message.port });
        }
      });
      worker.on('exit', (code, signal) => {
        const wasListening = listening.delete(worker.id);
        if (stopping) return;
        if (!wasListening && !announced) {
          stopAll(Object.values(cluster.workers ?? {}));
          reject(new Error(`a server worker could not start (exit ${code ?? signal})`));
          return;
        }
        progress(`server worker ${worker.process.pid} stopped (${code ?? signal}); starting another`);
        start(role);
      });
    };
    const stopAll = (workers: Array<Worker | undefined>) => {
      stopping = true;
      for (const worker of workers) worker?.process.kill('SIGTERM');
    };
    const shutdown = () => {
      const workers = Object.values(cluster.workers ?? {});
      stopAll(workers);
      let left = workers.length;
      if (left === 0) process.exit(0);
      // A worker still finishing requests after this long is stopped hard: the database keeps
      // what was acknowledged, and the operator asked for the server to stop.
      setTimeout(() => {
        for (const worker of workers) worker?.process.kill('SIGKILL');
      }, STOP_GRACE_MS).unref();
      cluster.on('exit', () => {
        left -= 1;
        if (left === 0) process.exit(0);
      });
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
    for (let i = 0; i < count; i += 1) start(i === 0 ? 'jobs' : 'web');
  });
}
