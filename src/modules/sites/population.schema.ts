import { z } from 'zod';
import { SiteStatus, SourceKind } from './sites.schema.js';

const Range = z.object({ low: z.number(), high: z.number() });
const Central = z.object({
  value: z.number(),
  method: z.enum(['weighted_median', 'sum_of_zones']),
  raisedToFloor: z.boolean(),
});
const Span = z.object({ low: z.number(), high: z.number(), reportedBy: z.number() });

export const PopulationResponse = z.object({
  siteId: z.string(),
  siteName: z.string(),
  date: z.string(),
  basis: z.enum(['sources', 'zones', 'none']),
  range: Range.nullable(),
  central: Central.nullable(),
  /** How the central value is obtained, with the weights actually used. */
  method: z.object({
    name: z.literal('weighted_median'),
    description: z.string(),
    reliability: z.record(SourceKind, z.number()),
    halfLifeDays: z.number(),
    maxAgeDays: z.number().nullable(),
  }),
  divergenceRatio: z.number().nullable(),
  /** Date of the newest figure behind the headline: old figures still count, with less weight. */
  newestFigureOn: z.string().nullable(),
  registeredPresent: z.number(),
  floorApplied: z.boolean(),
  closure: z.object({ status: SiteStatus, on: z.string() }).nullable(),
  sources: z.array(
    z.object({
      estimateId: z.string(),
      siteId: z.string(),
      sourceName: z.string(),
      sourceKind: SourceKind,
      date: z.string(),
      low: z.number().nullable(),
      high: z.number().nullable(),
      point: z.number().nullable(),
      method: z.string().nullable(),
      figure: z.number(),
      ageDays: z.number(),
      weight: z.number(),
      belowFloor: z.boolean(),
    }),
  ),
  ignored: z.array(
    z.object({
      estimateId: z.string(),
      sourceName: z.string(),
      date: z.string(),
      reason: z.enum(['stale', 'before_closure']),
    }),
  ),
  breakdown: z.object({
    children: Span.nullable(),
    women: Span.nullable(),
    unaccompaniedMinors: Span.nullable(),
    nationalities: z.array(Span.extend({ code: z.string() })),
  }),
  zones: z.array(
    z.object({
      siteId: z.string(),
      name: z.string(),
      basis: z.enum(['sources', 'zones', 'none']),
      range: Range.nullable(),
      central: Central.nullable(),
      divergenceRatio: z.number().nullable(),
      registeredPresent: z.number(),
    }),
  ),
  statement: z.string(),
});

export const PopulationSeriesResponse = z.object({
  siteId: z.string(),
  points: z.array(
    z.object({
      date: z.string(),
      basis: z.enum(['sources', 'zones', 'none']),
      range: Range.nullable(),
      central: z.number().nullable(),
      divergenceRatio: z.number().nullable(),
      sources: z.number(),
    }),
  ),
});
