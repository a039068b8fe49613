import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { findSiteById } from './sites.repository.js';

/** Today as YYYY-MM-DD in UTC: the day the server's clock says it is. */
export function todayOf(ctx: Pick<ServiceContext, 'now'>): string {
  return ctx.now().toISOString().slice(0, 10);
}

/** Field figures describe what was seen: a date after today is a typing error. */
export function assertNotFuture(
  ctx: Pick<ServiceContext, 'now'>,
  field: string,
  date: string | null | undefined,
) {
  if (date && date > todayOf(ctx))
    throw AppError.validation(field, `must not be after today (${todayOf(ctx)})`);
}

export async function requireSite(db: Executor, id: string) {
  const site = await findSiteById(db, id);
  if (!site) throw AppError.notFound('site');
  return site;
}

export interface Figures {
  low?: number;
  high?: number;
  point?: number;
  breakdown?: {
    children?: number;
    women?: number;
    unaccompaniedMinors?: number;
    nationalities?: Record<string, number>;
  };
}

/**
 * The cross-field rules of an estimate: at least one figure, low ≤ point ≤ high, and no part of
 * the breakdown larger than the largest figure given (unaccompanied minors are among children).
 */
export function checkEstimateFigures(input: Figures): void {
  const { low, high, point, breakdown } = input;
  if (low === undefined && high === undefined && point === undefined) {
    throw AppError.validation(
      'point',
      'give a point estimate, a low and high, or both (at least one figure)',
    );
  }
  if (low !== undefined && high !== undefined && low > high) {
    throw AppError.validation('low', `must not be greater than high (${high})`);
  }
  if (point !== undefined && low !== undefined && point < low) {
    throw AppError.validation('point', `must not be below low (${low})`);
  }
  if (point !== undefined && high !== undefined && point > high) {
    throw AppError.validation('point', `must not be above high (${high})`);
  }
  if (!breakdown) return;
  const largest = Math.max(...[low, high, point].filter((v): v is number => v !== undefined));
  const parts: Array<[string, number | undefined]> = [
    ['breakdown.children', breakdown.children],
    ['breakdown.women', breakdown.women],
    ['breakdown.unaccompaniedMinors', breakdown.unaccompaniedMinors],
    ...Object.entries(breakdown.nationalities ?? {}).map(([code, n]): [string, number] => [
      `breakdown.nationalities.${code}`,
      n,
    ]),
  ];
  for (const [field, value] of parts) {
    if (value !== undefined && value > largest) {
      throw AppError.validation(field, `must not exceed the estimate itself (${largest})`);
    }
  }
  const { children, unaccompaniedMinors } = breakdown;
  if (children !== undefined && unaccompaniedMinors !== undefined && unaccompaniedMinors > children) {
    throw AppError.validation('breakdown.unaccompaniedMinors', `must not exceed children (${children})`);
  }
  const nationalityTotal = Object.values(breakdown.nationalities ?? {}).reduce((sum, n) => sum + n, 0);
  if (nationalityTotal > largest) {
    throw AppError.validation(
      'breakdown.nationalities',
      `add up to ${nationalityTotal}, more than the estimate (${largest})`,
    );
  }
}

/** Keyset cursors of this module: a pair such as (name, id) or (date, id). */
export const isPair = (value: unknown): value is [string, string] =>
  Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string');
