import { readFileSync, writeFileSync } from 'node:fs';
import { csvCell, MatchFileError, readMatchFile } from '../modules/matching/engine/csv-records.js';
import { dedupe, type LinkageResult, link } from '../modules/matching/engine/linkage.js';
import { fail, progress } from './output.js';

export interface MatchCommandOptions {
  out: string;
  threshold?: string;
  ignore?: string;
}

function parseThreshold(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const threshold = Number(value);
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1)
    fail('--threshold must be a match probability between 0 and 1, e.g. 0.5');
  return threshold;
}

function read(path: string, ignore: string[]) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return fail(`cannot read ${path}: check the path and that the file is readable`);
  }
  try {
    return readMatchFile(text, ignore);
  } catch (error) {
    if (error instanceof MatchFileError) return fail(`${path}: ${error.message}`);
    throw error;
  }
}

function write(out: string, result: LinkageResult): void {
  const lines = [
    'left_id,right_id,score',
    ...result.pairs.map((p) => `${csvCell(p.left)},${csvCell(p.right)},${p.probability.toFixed(4)}`),
  ];
  writeFileSync(out, `${lines.join('\n')}\n`);
  process.stderr.write(
    `… ${result.pairs.length} pairs at or above ${result.model.threshold} written to ${out} (${result.candidatePairs} candidate pairs compared, λ=${result.model.lambda.toFixed(4)})\n`,
  );
}

const report = (stage: string, done: number, total: number) => progress(stage, done, total);
const ignored = (options: MatchCommandOptions) =>
  (options.ignore ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter(Boolean);

export async function matchLinkCommand(
  leftPath: string,
  rightPath: string,
  options: MatchCommandOptions,
): Promise<void> {
  const left = read(leftPath, ignored(options));
  const right = read(rightPath, ignored(options));
  const extraColumns = left.extraColumns.filter((c) => right.extraColumns.includes(c));
  write(
    options.out,
    link(left.inputs, right.inputs, {
      threshold: parseThreshold(options.threshold),
      extraColumns,
      onProgress: report,
    }),
  );
}

export async function matchDedupeCommand(path: string, options: MatchCommandOptions): Promise<void> {
  const file = read(path, ignored(options));
  write(
    options.out,
    dedupe(file.inputs, {
      threshold: parseThreshold(options.threshold),
      extraColumns: file.extraColumns,
      onProgress: report,
    }),
  );
}
