import type { CurrentSource, EstimateInput } from './sites.reconcile.js';

/** What sources say about who is on a site: children, women, unaccompanied minors, nationalities. */
export interface Breakdown {
  children?: number;
  women?: number;
  unaccompaniedMinors?: number;
  /** ISO 3166-1 alpha-3 → count. */
  nationalities?: Record<string, number>;
}

export interface Span {
  low: number;
  high: number;
  reportedBy: number;
}

export interface BreakdownSummary {
  children: Span | null;
  women: Span | null;
  unaccompaniedMinors: Span | null;
  nationalities: Array<Span & { code: string }>;
}

export function emptyBreakdown(): BreakdownSummary {
  return { children: null, women: null, unaccompaniedMinors: null, nationalities: [] };
}

function widen(span: Span | null, value: number | undefined): Span | null {
  if (value === undefined) return span;
  if (!span) return { low: value, high: value, reportedBy: 1 };
  return {
    low: Math.min(span.low, value),
    high: Math.max(span.high, value),
    reportedBy: span.reportedBy + 1,
  };
}

export function summariseBreakdowns(estimates: EstimateInput[], sources: CurrentSource[]): BreakdownSummary {
  const byId = new Map(estimates.map((e) => [e.id, e]));
  const summary = emptyBreakdown();
  const nationalities = new Map<string, Span>();
  for (const source of sources) {
    const breakdown = byId.get(source.estimateId)?.breakdown;
    if (!breakdown) continue;
    summary.children = widen(summary.children, breakdown.children);
    summary.women = widen(summary.women, breakdown.women);
    summary.unaccompaniedMinors = widen(summary.unaccompaniedMinors, breakdown.unaccompaniedMinors);
    for (const [code, count] of Object.entries(breakdown.nationalities ?? {})) {
      const span = widen(nationalities.get(code) ?? null, count);
      if (span) nationalities.set(code, span);
    }
  }
  summary.nationalities = sortNationalities(nationalities);
  return summary;
}

/** Zones add up; `reportedBy` then counts the zones that gave the figure. */
export function sumBreakdowns(parts: BreakdownSummary[]): BreakdownSummary {
  const add = (a: Span | null, b: Span | null): Span | null =>
    !b
      ? a
      : !a
        ? { ...b, reportedBy: 1 }
        : { low: a.low + b.low, high: a.high + b.high, reportedBy: a.reportedBy + 1 };
  const summary = emptyBreakdown();
  const nationalities = new Map<string, Span>();
  for (const part of parts) {
    summary.children = add(summary.children, part.children);
    summary.women = add(summary.women, part.women);
    summary.unaccompaniedMinors = add(summary.unaccompaniedMinors, part.unaccompaniedMinors);
    for (const { code, ...span } of part.nationalities) {
      const summed = add(nationalities.get(code) ?? null, span);
      if (summed) nationalities.set(code, summed);
    }
  }
  summary.nationalities = sortNationalities(nationalities);
  return summary;
}

function sortNationalities(spans: Map<string, Span>): Array<Span & { code: string }> {
  return [...spans.entries()]
    .map(([code, span]) => ({ code, ...span }))
    .sort((a, b) => b.high - a.high || a.code.localeCompare(b.code));
}
