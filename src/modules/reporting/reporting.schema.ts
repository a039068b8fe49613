import { z } from 'zod';
import { Id, IsoDate } from '../../server/http/schema-helpers.js';

export const ReportQuery = z.strictObject({
  siteId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  scope: z.enum(['all', 'organisation']).default('all'),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

/** A count, or null when suppressed (fewer than the threshold, or revealing one that is). */
const Cell = z.number().int().nullable();
const Labelled = z.object({ key: z.string(), count: Cell });

const Grid = z.object({
  rows: z.array(z.string()),
  columns: z.array(z.string()),
  cells: z.array(z.array(Cell)),
  rowTotals: z.array(Cell),
  columnTotals: z.array(Cell),
  total: Cell,
});

const Figures = z.object({
  places: z.number().int(),
  blocked: z.number().int(),
  occupied: z.number().int(),
  reserved: z.number().int(),
  free: z.number().int(),
});

export const OverviewResponse = z.object({
  generatedAt: z.string(),
  period: z.object({ from: z.string(), to: z.string(), snappedToWeeks: z.boolean() }),
  siteId: z.string().nullable(),
  scope: z.enum(['all', 'organisation']),
  suppression: z.object({
    applied: z.boolean(),
    threshold: z.number().int(),
    rule: z.string(),
    /** Counts over the period (registrations, relocations, sessions) are rounded to this; null: exact. */
    flowsRoundedTo: z.number().int().nullable(),
  }),
  ageDefinition: z.string(),
  population: z.object({
    registered: Cell,
    present: Cell,
    registeredInPeriod: Cell,
    bySite: z.array(
      z.object({
        siteId: z.string(),
        name: z.string(),
        region: z.string().nullable(),
        kind: z.string(),
        present: Cell,
        registeredInPeriod: Cell,
      }),
    ),
    sexByAge: Grid,
    nationalities: z.array(Labelled),
  }),
  needs: z.object({ peopleWithNeeds: Cell, byCategory: z.array(Labelled) }),
  children: z.object({
    definition: z.string(),
    grid: Grid,
  }),
  cases: z.object({
    open: Cell,
    typeByRisk: Grid,
    overdue: z.object({ casesWithOverdueWork: Cell, overdueItems: Cell, escalatedItems: Cell }),
  }),
  places: z.object({
    categories: z.array(Figures.extend({ category: z.string() })),
    totals: Figures,
  }),
  relocations: z.object({
    weeks: z.array(z.object({ weekStart: z.string(), departed: Cell, arrived: Cell, returned: Cell })),
    totals: z.object({ departed: Cell, arrived: Cell, returned: Cell }),
    returnRate: z.number().nullable(),
    rateDefinition: z.string(),
  }),
  counselling: z.object({
    sessions: Cell,
    byTopic: z.array(Labelled),
    byLanguage: z.array(Labelled),
    note: z.string(),
  }),
  reunification: z.object({
    available: z.boolean(),
    note: z.string(),
    tracingByStatus: z.array(Labelled),
    casesByStage: z.array(Labelled),
    nearestDeadlines: z.array(z.object({ stage: z.string(), dueOn: z.string(), cases: Cell })),
  }),
  reconciled: z.array(
    z.object({
      siteId: z.string(),
      name: z.string(),
      registeredPresent: Cell,
      low: z.number().nullable(),
      high: z.number().nullable(),
      central: z.number().nullable(),
      divergenceRatio: z.number().nullable(),
      basis: z.string(),
    }),
  ),
});
export type OverviewResponse = z.infer<typeof OverviewResponse>;
