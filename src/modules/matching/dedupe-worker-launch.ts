import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DedupeComputation } from './dedupe-compute.js';
import type { MatchInput } from './engine/record.js';

/**
 * Starts dedupe.worker in a thread. Built (dist), it is plain JavaScript. From the TypeScript
 * sources (tsx, vitest) the worker first registers tsx's loader: Node 20 does not apply
 * `--import` to a worker's own execArgv, so an evaluated bootstrap registers it, then imports
 * the worker module.
 */
function startWorker(workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./dedupe.worker.js', import.meta.url), { workerData });
  }
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const exports = JSON.parse(readFileSync(manifest, 'utf8')).exports['./esm/api'].import.default as string;
  const loader = pathToFileURL(join(dirname(manifest), exports)).href;
  const worker = new URL('./dedupe.worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(loader)}).then(({ register }) => { register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** Runs the whole-registry comparison off the main thread, relaying its progress. */
export function computeInWorker(
  inputs: MatchInput[],
  threshold: number,
  trainedAt: string,
  onProgress: (stage: string, done: number, total: number) => void,
): Promise<DedupeComputation> {
  const worker = startWorker({ inputs, threshold, trainedAt });
  return new Promise<DedupeComputation>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.stage, message.done, message.total);
      else {
        settled = true;
        resolve(message.result);
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`matching worker stopped with exit code ${code}`));
    });
  });
}

type WorkerMessage =
  | { type: 'progress'; stage: string; done: number; total: number }
  | { type: 'result'; result: DedupeComputation };
