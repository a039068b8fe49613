import { parentPort } from 'node:worker_threads';
import highsModule from 'highs';
import { greedyPlacement } from './greedy.js';
import { type SolverInstance, type SolverOptions, type SolverResult, solvePlacement } from './solver.js';

/**
 * The solver's thread. HiGHS runs as WebAssembly with a 2 GiB memory cap; when a solve aborts
 * (memory, an internal error) only this thread dies, never the server. Each message is one solve.
 */
export interface SolveRequest {
  instance: SolverInstance;
  options: SolverOptions;
}

export type SolveReply =
  | { ok: true; result: SolverResult; greedy: Int32Array; wasmBytes: number; heapBytes: number }
  | { ok: false; error: string };

// highs ships one declaration file for its ESM and CommonJS builds; under NodeNext TypeScript
// reads it as CommonJS (a namespace holding `default`) while Node loads the ESM build's function.
const loadHighs = (
  typeof highsModule === 'function' ? highsModule : highsModule.default
) as typeof highsModule.default;
const highsReady = loadHighs();

parentPort?.on('message', async (request: SolveRequest) => {
  try {
    const highs = await highsReady;
    const result = solvePlacement(highs, request.instance, request.options);
    const greedy = greedyPlacement(request.instance);
    const reply: SolveReply = {
      ok: true,
      result,
      greedy,
      wasmBytes: highs.memoryBytes,
      heapBytes: process.memoryUsage().heapUsed,
    };
    parentPort?.postMessage(reply);
  } catch (error) {
    const reply: SolveReply = { ok: false, error: error instanceof Error ? error.message : String(error) };
    parentPort?.postMessage(reply);
  }
});
