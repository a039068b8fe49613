import { readFileSync } from 'node:fs';
import type { MatchInput } from '../../src/modules/matching/engine/record.js';

export const FEBRL_DIR =
  process.env.FEBRL_DIR ?? new URL('../../../shared/data/febrl/', import.meta.url).pathname;
export const FEBRL_EXTRAS = [
  'soc_sec_id',
  'street_number',
  'address_1',
  'address_2',
  'suburb',
  'postcode',
  'state',
];

/** Reads a FEBRL file (comma + space separated, empty fields missing) into matching inputs. */
export function readFebrl(file: string): MatchInput[] {
  const lines = readFileSync(`${FEBRL_DIR}${file}`, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const header = lines[0]!.split(',').map((h) => h.trim());
  return lines.slice(1).map((line) => {
    const cells = line.split(',').map((c) => c.trim());
    const row = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
    return {
      id: row.rec_id!,
      givenName: row.given_name || null,
      familyName: row.surname || null,
      birthDate: /^\d{8}$/.test(row.date_of_birth ?? '') ? row.date_of_birth! : null,
      extras: Object.fromEntries(FEBRL_EXTRAS.map((column) => [column, row[column] || null])),
    };
  });
}

export function readTruePairs(file: string): Set<string> {
  const lines = readFileSync(`${FEBRL_DIR}${file}`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .slice(1);
  return new Set(lines.map((line) => pairKey(...(line.split(',').map((c) => c.trim()) as [string, string]))));
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function evaluate(predicted: Array<{ left: string; right: string }>, truth: Set<string>) {
  const seen = new Set(predicted.map((p) => pairKey(p.left, p.right)));
  let truePositives = 0;
  for (const key of seen) if (truth.has(key)) truePositives += 1;
  const precision = seen.size ? truePositives / seen.size : 0;
  const recall = truth.size ? truePositives / truth.size : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const round = (x: number) => Math.round(x * 10000) / 10000;
  return {
    predicted: seen.size,
    truePositives,
    truePairs: truth.size,
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
  };
}
