import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { greedyPlacement } from './greedy.js';
import { objectiveOf, type SolverInstance, type SolverOptions, type SolverResult } from './solver.js';
import type { SolveReply } from './solver.worker.js';

export interface RunnerOutcome {
  result: SolverResult;
  greedyObjective: number;
  /** Set when the solver did not finish normally: the plan is then the greedy one. */
  failure: 'time_limit' | 'solver_error' | null;
  failureMessage: string | null;
  wasmBytes: number;
  seconds: number;
}

/** Grace beyond the solver's own time limit before the thread is ended from outside. */
const WATCHDOG_GRACE_MS = 5000;

function startWorker(): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: 1024 };
  // Once built, the worker is plain JavaScript beside this file. Under the TypeScript runner
  // (tests, benchmarks) it is a .ts file: a small bootstrap registers tsx in the thread first.
  if (!fileURLToPath(import.meta.url).endsWith('.ts')) {
    return new Worker(new URL('./solver.worker.js', import.meta.url), { resourceLimits });
  }
  const source = new URL('./solver.worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true, resourceLimits });
}

function greedyOutcome(
  inst: SolverInstance,
  started: number,
  failure: RunnerOutcome['failure'],
  message: string,
): RunnerOutcome {
  const choice = greedyPlacement(inst);
  const objective = objectiveOf(inst, choice);
  return {
    result: {
      choice,
      objective,
      upperBound: Number.POSITIVE_INFINITY,
      gap: Number.POSITIVE_INFINITY,
      method: 'greedy',
      timeLimitHit: failure === 'time_limit',
      fractionalHouseholds: 0,
      remainderColumns: 0,
      lpSeconds: 0,
      mipSeconds: 0,
      lpRounds: 0,
      lpColumns: 0,
      householdClasses: 0,
      droppedColumns: 0,
      repairGap: Number.POSITIVE_INFINITY,
      improveSeconds: 0,
    },
    greedyObjective: objective,
    failure,
    failureMessage: message,
    wasmBytes: 0,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Runs one solve in its own worker thread. A WebAssembly abort, a crash or a hang ends only
 * that thread; the caller then gets the greedy plan, marked with what went wrong, and the
 * server carries on. The thread is ended after every solve, which also returns HiGHS's memory
 * (WebAssembly memory only grows while its instance lives).
 */
export function solveInWorker(inst: SolverInstance, options: SolverOptions): Promise<RunnerOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const worker = startWorker();
    const settle = (outcome: RunnerOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      void worker.terminate();
      resolve(outcome);
    };
    const watchdog = setTimeout(
      () =>
        settle(
          greedyOutcome(
            inst,
            started,
            'time_limit',
            `the solver did not answer within ${options.timeLimitSeconds} s`,
          ),
        ),
      options.timeLimitSeconds * 1000 + WATCHDOG_GRACE_MS,
    );
    worker.on('message', (reply: SolveReply) => {
      if (!reply.ok) return settle(greedyOutcome(inst, started, 'solver_error', reply.error));
      settle({
        result: reply.result,
        greedyObjective: objectiveOf(inst, reply.greedy),
        failure: reply.result.timeLimitHit ? 'time_limit' : null,
        failureMessage: reply.result.timeLimitHit
          ? 'the time limit ended the search for a better plan early'
          : null,
        wasmBytes: reply.wasmBytes,
        seconds: (performance.now() - started) / 1000,
      });
    });
    worker.on('error', (error) => settle(greedyOutcome(inst, started, 'solver_error', error.message)));
    worker.on('exit', (code) =>
      settle(greedyOutcome(inst, started, 'solver_error', `solver thread exited (${code})`)),
    );
    worker.postMessage({ instance: inst, options });
  });
}
