/**
 * npm run bench:matching -- [--runs 3] [--scale 100000] [--million] [--parts febrl,multilingual,scale,incremental]
 *   [--scale-runs 1] [--incremental-scale 1000000] [--queries 300]
 * FEBRL dataset3 (dedupe) and dataset4a/4b (link) precision/recall/F1 at the default threshold;
 * a generated multilingual set against a plain baseline (exact normalised name + birth year);
 * speed: link 5,000 × 5,000, dedupe of a generated population (100,000 people by default,
 * 1,000,000 with --million), with peak memory; incremental queries (one record against an in-memory
 * index of 1,000,000 generated people: p50/p95/p99). Writes bench/results/matching.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { CandidateIndex } from '../src/modules/matching/engine/candidate-index.js';
import { comparisonSpecs } from '../src/modules/matching/engine/comparisons.js';
import { dedupe, type LinkageResult, link, prepareRecords } from '../src/modules/matching/engine/linkage.js';
import { buildTermFrequencies, defaultModel } from '../src/modules/matching/engine/model.js';
import { forgetNameLevels } from '../src/modules/matching/engine/name-levels.js';
import type { MatchInput } from '../src/modules/matching/engine/record.js';
import { foldName } from '../src/modules/matching/transliteration/index.js';
import {
  generateMultilingualSet,
  type LabelledSet,
  truePairsOf,
} from '../test/factories/matching/multilingual.js';
import { arg } from './lib/bench-db.js';
import { evaluate, FEBRL_EXTRAS, readFebrl, readTruePairs } from './lib/febrl.js';

const runs = Number(arg('runs', '3'));
const scale = Number(arg('scale', '100000'));
const million = process.argv.includes('--million');
/** Which parts to run (all by default); a partial run merges its parts into the existing results. */
const ALL_PARTS = ['febrl', 'multilingual', 'scale', 'incremental'];
const parts = new Set(arg('parts', 'febrl,multilingual,scale').split(','));
const incrementalScale = Number(arg('incremental-scale', '1000000'));
const queries = Number(arg('queries', '300'));
/** Dedupes of the generated population per size, each from empty name caches (median reported). */
const dedupeRuns = Number(arg('scale-runs', '1'));

function log(message: string) {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 100) / 100;
}

/**
 * The engine runs synchronously, so a timer cannot sample memory while it works: the kernel's
 * high-water mark of this process (getrusage ru_maxrss) is read after each part instead.
 */
const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

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

/**
 * CPU seconds (user + system) of this process since `from`. On a shared machine the wall time
 * includes waiting for a core; the CPU time is what the work itself cost.
 */
function cpuSecondsSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return Math.round((used.user + used.system) / 10_000) / 100;
}

function timed(run: () => LinkageResult, times: number) {
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let result: LinkageResult | undefined;
  for (let i = 0; i < times; i += 1) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    result = run();
    seconds.push((performance.now() - started) / 1000);
    cpuSeconds.push(cpuSecondsSince(cpu));
  }
  return {
    result: result!,
    seconds: seconds.map((s) => Math.round(s * 100) / 100),
    medianSeconds: median(seconds),
    cpuSeconds,
  };
}

function baselinePairs(records: MatchInput[]) {
  const key = (r: MatchInput) =>
    `${foldName(`${r.givenName ?? ''} ${r.fathersName ?? ''} ${r.familyName ?? ''}`)}|${r.birthYear ?? r.birthDate?.slice(0, 4) ?? ''}`;
  const groups = new Map<string, string[]>();
  for (const r of records) groups.set(key(r), [...(groups.get(key(r)) ?? []), r.id]);
  return [...groups.values()].flatMap((g) =>
    g.flatMap((a, i) => g.slice(i + 1).map((b) => ({ left: a, right: b }))),
  );
}

async function main() {
  const results: Record<string, unknown> = {
    benchmark: 'matching',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
    threshold: 'match probability ≥ 0.5 (the model default, chosen without labels)',
    runs,
    loadAtStart: machineLoad(),
  };

  if (parts.has('febrl')) febrl(results);
  if (parts.has('multilingual')) multilingual(results);
  if (parts.has('scale')) scaleRuns(results);
  if (parts.has('incremental')) incremental(results);
  const file = new URL('./results/matching.json', import.meta.url);
  // A partial run keeps the other parts' last figures (each part records its own load and date).
  const previous =
    ALL_PARTS.some((part) => !parts.has(part)) && existsSync(file)
      ? JSON.parse(readFileSync(file, 'utf8'))
      : {};
  const merged = { ...previous, ...results, parts: [...parts] };
  // Scale runs of other sizes (100,000 and 1,000,000 are run apart) stay beside the new ones.
  if (Array.isArray(previous.scale) && Array.isArray(results.scale)) {
    const sizes = new Set((results.scale as Array<{ records: number }>).map((r) => r.records));
    merged.scale = [
      ...(previous.scale as Array<{ records: number }>).filter((r) => !sizes.has(r.records)),
      ...results.scale,
    ].sort((a, b) => a.records - b.records);
  }
  writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

function febrl(results: Record<string, unknown>) {
  log('FEBRL dataset3 (dedupe)');
  const d3 = timed(() => dedupe(readFebrl('dataset3.csv'), { extraColumns: FEBRL_EXTRAS }), runs);
  results.febrlDataset3 = {
    ...evaluate(d3.result.pairs, readTruePairs('true_pairs_dataset3.csv')),
    seconds: d3.seconds,
    medianSeconds: d3.medianSeconds,
    cpuSeconds: d3.cpuSeconds,
    target: { f1: 0.99 },
    splinkBestThresholdF1: 0.9954,
    loadAfter: machineLoad(),
  };

  log('FEBRL dataset4a × dataset4b (link, 5,000 × 5,000)');
  const left = readFebrl('dataset4a.csv');
  const right = readFebrl('dataset4b.csv');
  const d4 = timed(() => link(left, right, { extraColumns: FEBRL_EXTRAS }), runs);
  results.febrlDataset4 = {
    ...evaluate(d4.result.pairs, readTruePairs('true_pairs_dataset4.csv')),
    seconds: d4.seconds,
    medianSeconds: d4.medianSeconds,
    cpuSeconds: d4.cpuSeconds,
    target: { f1: 0.995, seconds: 5 },
    splinkBestThresholdF1: 0.9998,
    loadAfter: machineLoad(),
  };
}

function multilingual(results: Record<string, unknown>) {
  log('multilingual generated set (3,000 people, seed 11)');
  const set = generateMultilingualSet(3000, 11);
  const truth = truePairsOf(set);
  const ml = timed(() => dedupe(set.records), 1);
  results.multilingual = {
    records: set.records.length,
    truePairs: truth.size,
    engine: evaluate(ml.result.pairs, truth),
    baselineExactNameAndBirthYear: evaluate(baselinePairs(set.records), truth),
    seconds: ml.medianSeconds,
    cpuSeconds: ml.cpuSeconds[0],
    note: 'outside checks use a different, unseen set of the same kind',
    loadAfter: machineLoad(),
  };
}

/**
 * False positives the generator made impossible to refuse: the two records belong to people with
 * the same given, father's and family names, sex and nationality, born within two years (the
 * generator's own age-estimate noise is ±2 years). Read from each person's first, clean record.
 */
function namesakeFalsePositives(
  set: LabelledSet,
  pairs: Array<{ left: string; right: string }>,
  truth: Set<string>,
) {
  const byId = new Map(set.records.map((r) => [r.id, r]));
  const person = (id: string) => byId.get(`${set.entityOf.get(id)}-r0`)!;
  const year = (r: MatchInput) => r.birthYear ?? Number(r.birthDate?.slice(0, 4));
  let falsePositives = 0;
  let sameNames = 0;
  let indistinguishable = 0;
  for (const pair of pairs) {
    if (truth.has(pair.left < pair.right ? `${pair.left}|${pair.right}` : `${pair.right}|${pair.left}`))
      continue;
    falsePositives += 1;
    const a = person(pair.left);
    const b = person(pair.right);
    if (a.givenName !== b.givenName || a.fathersName !== b.fathersName || a.familyName !== b.familyName)
      continue;
    sameNames += 1;
    if (a.sex === b.sex && a.nationality === b.nationality && Math.abs(year(a) - year(b)) <= 2)
      indistinguishable += 1;
  }
  const truePositives = pairs.length - falsePositives;
  const round = (x: number) => Math.round(x * 10000) / 10000;
  return {
    falsePositives,
    sameNamesShare: round(sameNames / Math.max(falsePositives, 1)),
    indistinguishableShare: round(indistinguishable / Math.max(falsePositives, 1)),
    precisionWithoutIndistinguishable: round(truePositives / Math.max(pairs.length - indistinguishable, 1)),
  };
}

function scaleRuns(results: Record<string, unknown>) {
  const sizes = [scale, ...(million ? [1_000_000] : [])];
  results.scale = [];
  for (const entities of sizes) {
    const people = generateMultilingualSet(Math.round(entities / 1.75), 5);
    const loadBefore = machineLoad();
    const seconds: number[] = [];
    const cpuSeconds: number[] = [];
    let outcome: LinkageResult | undefined;
    for (let run = 0; run < dedupeRuns; run += 1) {
      log(`dedupe ${people.records.length} generated records (run ${run + 1} of ${dedupeRuns})`);
      forgetNameLevels();
      const cpu = process.cpuUsage();
      const started = performance.now();
      outcome = dedupe(people.records, {
        onProgress: (stage, done, total) => done === total && log(`  ${stage}`),
      });
      seconds.push(Math.round(((performance.now() - started) / 1000) * 10) / 10);
      cpuSeconds.push(cpuSecondsSince(cpu));
    }
    if (!outcome) continue;
    (results.scale as unknown[]).push({
      records: people.records.length,
      seconds: median(seconds),
      cpuSeconds: median(cpuSeconds),
      runs: { seconds, cpuSeconds },
      candidatePairs: outcome.candidatePairs,
      peakRssMiB: peakRssMiB(),
      peakRssNote: 'high-water mark of the whole bench process up to the end of this dedupe',
      quality: evaluate(outcome.pairs, truePairsOf(people)),
      namesakes: namesakeFalsePositives(people, outcome.pairs, truePairsOf(people)),
      target: entities >= 1_000_000 ? { seconds: 900, memoryMiB: 4096 } : { seconds: 60 },
      loadBefore,
      loadAfter: machineLoad(),
    });
  }
}

function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! * 100) / 100;
}

/**
 * One record against the registry: an in-memory index of the generated people (the engine's
 * blocking keys and limits), a model with the default m and u, the population's name
 * frequencies and a prior of one expected duplicate per record. The queried records are left
 * out of the index; most have a duplicate in it.
 */
function incremental(results: Record<string, unknown>) {
  const people = generateMultilingualSet(Math.round(incrementalScale / 1.75), 5);
  const all = prepareRecords(people.records, []);
  const step = Math.max(1, Math.floor(all.length / queries));
  const isQuery = (i: number) => i % step === 0 && i / step < queries;
  const indexed = all.filter((_, i) => !isQuery(i));
  const probes = all.filter((_, i) => isQuery(i));
  log(`incremental: index ${indexed.length} records, ${probes.length} queries`);
  const loadBefore = machineLoad();
  const specs = comparisonSpecs([]);
  const model = defaultModel(specs);
  model.termFrequencies = buildTermFrequencies(indexed, specs);
  model.lambda = 1 / indexed.length;
  const started = performance.now();
  const index = new CandidateIndex(indexed, model);
  const buildSeconds = (performance.now() - started) / 1000;
  log(`  index built in ${buildSeconds.toFixed(1)} s`);
  const entityOf = (id: string) => people.entityOf.get(id)!;
  const indexedPerEntity = new Map<string, number>();
  for (const r of indexed)
    indexedPerEntity.set(entityOf(r.id), (indexedPerEntity.get(entityOf(r.id)) ?? 0) + 1);
  const millis: number[] = [];
  let candidates = 0;
  let foundDuplicates = 0;
  let duplicatesInIndex = 0;
  // A few warm-up queries (the JIT), not timed.
  for (const probe of probes.slice(0, 10)) index.search(probe, 0.2);
  for (const probe of probes) {
    const t = performance.now();
    const found = index.search(probe, 0.2);
    millis.push(performance.now() - t);
    candidates += index.candidatesOf(probe).length;
    duplicatesInIndex += indexedPerEntity.get(entityOf(probe.id)) ?? 0;
    foundDuplicates += found.filter(
      (c) => c.probability >= 0.5 && entityOf(c.record.id) === entityOf(probe.id),
    ).length;
  }
  const sorted = [...millis].sort((a, b) => a - b);
  results.incremental = {
    indexedRecords: indexed.length,
    queries: probes.length,
    buildSeconds: Math.round(buildSeconds * 10) / 10,
    millis: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: percentile(sorted, 100),
    },
    meanCandidates: Math.round(candidates / probes.length),
    duplicatesInIndex,
    duplicatesFoundAtHalf: foundDuplicates,
    peakRssMiB: peakRssMiB(),
    target: { p95Millis: 50 },
    note: 'in-memory index with the batch engine blocking; the registry search reads blind indexes in the database instead',
    loadBefore,
    loadAfter: machineLoad(),
  };
}

await main();
