import { z } from 'zod';
import { Id, IsoDate, text } from '../../server/http/schema-helpers.js';

// Enumerations exactly as DESIGN.md ("extend, never rename").
export const SITE_KINDS = [
  'informal_settlement',
  'camp_zone',
  'reception_centre',
  'orientation_centre',
  'transit_point',
  'other',
] as const;
export const SITE_STATUSES = ['open', 'closing', 'dismantled', 'closed'] as const;
export const SOURCE_KINDS = [
  'authority',
  'ngo',
  'un_agency',
  'key_informant',
  'headcount',
  'registration',
] as const;

export const SiteKind = z.enum(SITE_KINDS);
export const SiteStatus = z.enum(SITE_STATUSES);
export const SourceKind = z.enum(SOURCE_KINDS);

/** A number of people: whole, not negative, and below any real site's size. */
export const PeopleCount = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(10_000_000, 'must be at most 10,000,000');

// GeoJSON positions are [longitude, latitude] (RFC 7946 §3.1.1).
const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const Ring = z
  .array(Position)
  .min(4, 'a ring needs at least 4 positions')
  .max(5000, 'a ring may have at most 5,000 positions')
  .refine((ring) => {
    const [first, last] = [ring[0], ring.at(-1)];
    return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  }, 'a ring must end where it starts');
const Polygon = z.array(Ring).min(1).max(50);

export const Outline = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Polygon'), coordinates: Polygon }),
  z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(Polygon).min(1).max(50) }),
]);

export const Location = z.strictObject({
  latitude: z
    .number({ error: 'must be a number' })
    .min(-90, 'must be from -90 to 90')
    .max(90, 'must be from -90 to 90'),
  longitude: z
    .number({ error: 'must be a number' })
    .min(-180, 'must be from -180 to 180')
    .max(180, 'must be from -180 to 180'),
  outline: Outline.optional(),
});

export const CreateSiteBody = z.strictObject({
  name: text(160),
  kind: SiteKind,
  status: SiteStatus,
  parentId: Id.optional(),
  location: Location.optional(),
  region: text(120).optional(),
  contact: text(300).optional(),
  managedBy: text(160).optional(),
  openedOn: IsoDate.optional(),
  /** When the initial status took effect; today by default. */
  statusEffectiveOn: IsoDate.optional(),
});

export const UpdateSiteBody = z.strictObject({
  name: text(160).optional(),
  kind: SiteKind.optional(),
  status: SiteStatus.optional(),
  statusEffectiveOn: IsoDate.optional(),
  statusReason: text(500).optional(),
  parentId: Id.nullable().optional(),
  location: Location.nullable().optional(),
  region: text(120).nullable().optional(),
  contact: text(300).nullable().optional(),
  managedBy: text(160).nullable().optional(),
  openedOn: IsoDate.nullable().optional(),
});

export const SitesQuery = z.strictObject({
  kind: SiteKind.optional(),
  status: SiteStatus.optional(),
  parentId: Id.optional(),
  /** Sites without a parent (camps, centres), for the map's first level. */
  topLevel: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(300).optional(),
});

const LocationResponse = z.object({
  latitude: z.number(),
  longitude: z.number(),
  outline: z.unknown().optional(),
});

export const SiteResponse = z.object({
  id: z.string(),
  name: z.string(),
  kind: SiteKind,
  status: SiteStatus,
  statusSince: z.string().nullable(),
  parentId: z.string().nullable(),
  location: LocationResponse.nullable(),
  region: z.string().nullable(),
  contact: z.string().nullable(),
  managedBy: z.string().nullable(),
  orgId: z.string(),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowed: z.array(z.string()),
});

export const SiteDetailResponse = SiteResponse.extend({
  statusHistory: z.array(
    z.object({
      status: SiteStatus,
      effectiveOn: z.string(),
      reason: z.string().nullable(),
      changedAt: z.string(),
    }),
  ),
  children: z.array(z.object({ id: z.string(), name: z.string(), kind: SiteKind, status: SiteStatus })),
});

// Population estimates

export const Breakdown = z.strictObject({
  children: PeopleCount.optional(),
  women: PeopleCount.optional(),
  unaccompaniedMinors: PeopleCount.optional(),
  nationalities: z
    .record(z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as AFG'), PeopleCount)
    .refine((value) => Object.keys(value).length <= 80, 'at most 80 nationalities')
    .optional(),
});

export const CreateEstimateBody = z.strictObject({
  date: IsoDate,
  sourceName: text(160),
  sourceKind: SourceKind,
  low: PeopleCount.optional(),
  high: PeopleCount.optional(),
  point: PeopleCount.optional(),
  method: text(500).optional(),
  breakdown: Breakdown.optional(),
  /** The entry this one corrects; it stays on record but stops counting. */
  supersedesId: Id.optional(),
});

export const EstimatesQuery = z.strictObject({
  /** `false` lists only entries that no correction replaced. */
  includeSuperseded: z.enum(['true', 'false']).default('true'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  cursor: z.string().max(300).optional(),
});

export const EstimateResponse = z.object({
  id: z.string(),
  siteId: z.string(),
  date: z.string(),
  sourceName: z.string(),
  sourceKind: SourceKind,
  method: z.string().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  point: z.number().nullable(),
  breakdown: Breakdown.nullable(),
  supersedesId: z.string().nullable(),
  supersededById: z.string().nullable(),
  isCurrent: z.boolean(),
  orgId: z.string(),
  createdAt: z.string(),
});

export const PopulationQuery = z.strictObject({ date: IsoDate.optional() });

export const PopulationSeriesQuery = z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional() });
