/**
 * Placement planner benchmark (`npm run bench:placement`): generated instances of 3,000 people
 * (~1,000 households) and 10,000 people (~3,500 households) over 102 centres, with loose (1.2×
 * demand) and tight (0.8×) capacity and the child-protection and medical constraints. Each run
 * solves in a worker thread exactly as the server does; the greedy baseline runs beside it.
 * Medians of RUNS runs per variant go to bench/results/placement.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { generateInstance } from '../src/modules/reception/placement/generator.js';
import { buildProblem, DEFAULT_WEIGHTS } from '../src/modules/reception/placement/model.js';
import { DEFAULT_SOLVER_OPTIONS } from '../src/modules/reception/placement/solver.js';
import { solveInWorker } from '../src/modules/reception/placement/solver-runner.js';

const RUNS = Number(process.env.RUNS ?? 3);
const VARIANTS = [
  { people: 3000, capacity: 'loose', factor: 1.2, timeLimitSeconds: 5 },
  { people: 3000, capacity: 'tight', factor: 0.8, timeLimitSeconds: 5 },
  { people: 10000, capacity: 'loose', factor: 1.2, timeLimitSeconds: 15 },
  { people: 10000, capacity: 'tight', factor: 0.8, timeLimitSeconds: 15 },
];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

// The machine is shared: the load before and after goes into the results beside the figures.
const loadBefore = loadavg();
const results = [];
for (const variant of VARIANTS) {
  const runs: Array<Record<string, number | string | boolean | null>> = [];
  for (let run = 0; run < RUNS; run += 1) {
    const instance = generateInstance({
      people: variant.people,
      centres: 102,
      capacityFactor: variant.factor,
      seed: 100 + run,
    });
    const built = performance.now();
    const problem = buildProblem(instance.households, instance.centres, DEFAULT_WEIGHTS);
    const buildSeconds = (performance.now() - built) / 1000;
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    const outcome = await solveInWorker(problem.instance, {
      ...DEFAULT_SOLVER_OPTIONS,
      timeLimitSeconds: variant.timeLimitSeconds,
    });
    clearInterval(sampler);
    const row = {
      households: instance.households.length,
      columns: problem.candidates.length,
      method: outcome.result.method,
      buildSeconds,
      solveSeconds: outcome.seconds,
      lpSeconds: outcome.result.lpSeconds,
      mipSeconds: outcome.result.mipSeconds,
      gap: outcome.result.gap,
      objective: outcome.result.objective,
      upperBound: outcome.result.upperBound,
      greedyObjective: outcome.greedyObjective,
      greedyRatio: outcome.greedyObjective / outcome.result.objective,
      fractionalHouseholds: outcome.result.fractionalHouseholds,
      wasmMiB: outcome.wasmBytes / 2 ** 20,
      peakRssMiB: peakRss / 2 ** 20,
      limitHit: outcome.failure !== null,
      failure: outcome.failure,
    };
    runs.push(row);
    console.log(
      `${variant.people} ${variant.capacity} run ${run + 1}: ${row.solveSeconds.toFixed(2)} s, gap ${(row.gap * 100).toFixed(3)}%, greedy ratio ${row.greedyRatio.toFixed(4)}, ${row.method}${row.limitHit ? ` (${row.failure})` : ''}`,
    );
  }
  const pick = (key: string) => median(runs.map((r) => Number(r[key])));
  // A greedy fallback has no bound: its gap is unknown, never 0 — count it apart.
  const gaps = runs.filter((r) => r.gap !== null).map((r) => Number(r.gap));
  results.push({
    ...variant,
    centres: 102,
    runs: runs.length,
    median: {
      households: pick('households'),
      columns: pick('columns'),
      solveSeconds: pick('solveSeconds'),
      lpSeconds: pick('lpSeconds'),
      mipSeconds: pick('mipSeconds'),
      gapPercent: gaps.length > 0 ? median(gaps) * 100 : null,
      greedyRatio: pick('greedyRatio'),
      fractionalHouseholds: pick('fractionalHouseholds'),
      wasmMiB: pick('wasmMiB'),
      peakRssMiB: pick('peakRssMiB'),
    },
    targetGapPercent: 0.5,
    targetSeconds: variant.timeLimitSeconds,
    metTarget: runs.every(
      (r) =>
        r.gap !== null &&
        Number(r.gap) < 0.005 &&
        Number(r.solveSeconds) <= variant.timeLimitSeconds &&
        r.failure === null,
    ),
    aborts: runs.filter((r) => r.failure === 'solver_error').length,
    runsWithoutGap: runs.length - gaps.length,
    runsDetail: runs,
  });
}
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/placement.json',
  `${JSON.stringify(
    {
      generatedAt: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      loadAverage: { before: loadBefore, after: loadavg() },
      results,
    },
    null,
    2,
  )}\n`,
);
console.log('wrote bench/results/placement.json');
