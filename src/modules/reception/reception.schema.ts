import { z } from 'zod';
import { Id, IsoDate, text } from '../../server/http/schema-helpers.js';
import { LanguageTag, Nationality } from '../registry/registry.schema.js';
import { CATEGORY_PATTERN } from './reception.rules.js';

export const Category = z
  .string()
  .regex(CATEGORY_PATTERN, 'must be a category code such as family or single_men (a-z, 0-9, _)');

const Places = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(100_000, 'must be at most 100,000');

const PlacesByCategory = z
  .record(Category, Places)
  .refine((value) => Object.keys(value).length <= 20, 'at most 20 categories');

export const CapacityBody = z.strictObject({
  places: PlacesByCategory,
  /** Places out of use (maintenance) per category; each at most that category's places. */
  blocked: PlacesByCategory.optional(),
  services: z
    .strictObject({
      medicalCare: z.boolean(),
      childProtection: z.boolean(),
      accessible: z.boolean(),
      languages: z.array(LanguageTag).max(30),
    })
    .optional(),
});

const CategoryFigures = z.object({
  category: z.string(),
  capacity: z.number(),
  blocked: z.number(),
  occupied: z.number(),
  reserved: z.number(),
  free: z.number(),
});

export const Services = z.object({
  medicalCare: z.boolean(),
  childProtection: z.boolean(),
  accessible: z.boolean(),
  languages: z.array(z.string()),
});

export const CentreAvailability = z.object({
  siteId: z.string(),
  name: z.string(),
  kind: z.string(),
  status: z.string(),
  region: z.string().nullable(),
  services: Services,
  categories: z.array(CategoryFigures),
  totals: CategoryFigures.omit({ category: true }),
});

export const CapacityResponse = CentreAvailability;

export const AvailabilityQuery = z.strictObject({
  region: text(120).optional(),
  siteId: Id.optional(),
  category: Category.optional(),
});

export const AvailabilityResponse = z.object({
  centres: z.array(CentreAvailability),
  regions: z.array(
    z.object({
      region: z.string().nullable(),
      categories: z.array(CategoryFigures),
      totals: CategoryFigures.omit({ category: true }),
    }),
  ),
  totals: CategoryFigures.omit({ category: true }),
});

// Convoys

export const CreateConvoyBody = z.strictObject({
  departsOn: IsoDate,
  originSiteId: Id,
  vehicle: text(120),
  vehicleCapacity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(200),
});

export const ConvoysQuery = z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional() });

export const ConvoyResponse = z.object({
  id: z.string(),
  departsOn: z.string(),
  originSiteId: z.string(),
  originName: z.string(),
  vehicle: z.string(),
  vehicleCapacity: z.number(),
  seatsTaken: z.number(),
  relocationIds: z.array(z.string()),
  createdAt: z.string(),
});

/** For the driver: who boards and where they go, nothing more (no nationality, age or needs). */
export const PassengerListResponse = z.object({
  convoy: ConvoyResponse,
  passengers: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      group: z.number(),
      destination: z.string(),
    }),
  ),
});

// Returns

export const RETURN_REASONS = ['family_in_uk', 'centre_conditions', 'asylum_outcome', 'other'] as const;
export const ReturnReason = z.enum(RETURN_REASONS);

export const RecordReturnBody = z.strictObject({
  personId: Id,
  siteId: Id,
  returnReason: ReturnReason,
  reason: text(500).optional(),
  at: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).optional(),
});

export const ReturnRatesQuery = z.strictObject({
  by: z.enum(['centre', 'region', 'nationality', 'month']).default('centre'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

export const ReturnRatesResponse = z.object({
  by: z.string(),
  definition: z.string(),
  groups: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      departed: z.number(),
      returned: z.number(),
      rate: z.number().nullable(),
      reasons: z.record(z.string(), z.number()),
    }),
  ),
  totals: z.object({ departed: z.number(), returned: z.number(), rate: z.number().nullable() }),
});

// Preferences

const Regions = z.array(text(120)).max(12);
export const PreferencesBody = z.strictObject({
  preferredRegions: Regions.default([]),
  preferredSiteIds: z.array(Id).max(12).default([]),
  relativesRegions: Regions.default([]),
});

export const PreferencesResponse = z.object({
  personId: z.string(),
  preferredRegions: z.array(z.string()),
  preferredSiteIds: z.array(z.string()),
  relativesRegions: z.array(z.string()),
  updatedAt: z.string().nullable(),
});

export { Nationality };
