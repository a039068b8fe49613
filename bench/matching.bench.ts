/**
 * npm run bench:matching -- [--runs 3] [--scale 100000] [--million] [--parts febrl,multilingual,scale]
 * FEBRL dataset3 (dedupe) and dataset4a/4b (link) precision/recall/F1 at the default threshold;
 * a generated multilingual set against a plain baseline (exact normalised name + birth year);
 * speed: link 5,000 × 5,000, dedupe of a generated population (100,000 people by default,
 * 1,000,000 with --million), with peak memory. Writes bench/results/matching.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dedupe, type LinkageResult, link } from '../src/modules/matching/engine/linkage.js';
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
const parts = new Set(arg('parts', 'febrl,multilingual,scale').split(','));

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
  const file = new URL('./results/matching.json', import.meta.url);
  // A partial run keeps the other parts' last figures (each part records its own load and date).
  const previous = parts.size < 3 && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const merged = { ...previous, ...results, parts: [...parts] };
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
    log(`dedupe ${people.records.length} generated records`);
    const loadBefore = machineLoad();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const outcome = dedupe(people.records, {
      onProgress: (stage, done, total) => done === total && log(`  ${stage}`),
    });
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = cpuSecondsSince(cpu);
    (results.scale as unknown[]).push({
      records: people.records.length,
      seconds: Math.round(seconds * 10) / 10,
      cpuSeconds,
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

await main();
