import { z } from 'zod';
import { IsoDate, text } from '../../server/http/schema-helpers.js';
import { PeopleCount } from './sites.schema.js';

// Site assessments (DTM-style, from key informants). Sector severities use the 1–5 scale of the
// Joint Intersectoral Analysis Framework: 1 minimal, 2 stressed, 3 severe, 4 extreme, 5 catastrophic.
export const PROTECTION_RISKS = [
  'violence',
  'gbv',
  'child_protection',
  'trafficking',
  'exploitation',
  'smuggling',
  'police_operations',
  'eviction',
  'fire',
  'family_separation',
  'no_lighting',
  'unsafe_sanitation',
] as const;
export const SERVICES = [
  'water',
  'sanitation',
  'showers',
  'food',
  'shelter',
  'health',
  'mental_health',
  'legal_aid',
  'information',
  'child_friendly_space',
  'women_safe_space',
  'education',
  'electricity',
  'waste_collection',
] as const;
export const KEY_INFORMANT_KINDS = [
  'community_leader',
  'site_manager',
  'volunteer',
  'health_worker',
  'resident',
  'authority',
  'other',
] as const;
export const SEVERITY_INDICATORS = ['shelter', 'waterSanitation', 'healthAccess', 'protection'] as const;
export const COUNT_INDICATORS = ['latrines', 'waterPoints', 'showers'] as const;

const Severity = z
  .number({ error: 'must be a number from 1 to 5' })
  .int('must be a whole number from 1 to 5')
  .min(1, 'must be from 1 to 5')
  .max(5, 'must be from 1 to 5');

const unique = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((values) => new Set(values).size === values.length, 'must not repeat a value')
    .default([]);

export const KeyInformant = z.strictObject({
  kind: z.enum(KEY_INFORMANT_KINDS),
  count: z.number().int('must be a whole number').min(1, 'must be at least 1').max(500),
});

export const CreateAssessmentBody = z.strictObject({
  date: IsoDate,
  shelter: Severity,
  waterSanitation: Severity,
  healthAccess: Severity,
  protection: Severity,
  latrines: PeopleCount.optional(),
  waterPoints: PeopleCount.optional(),
  showers: PeopleCount.optional(),
  protectionRisks: unique(z.enum(PROTECTION_RISKS), PROTECTION_RISKS.length),
  servicesPresent: unique(z.enum(SERVICES), SERVICES.length),
  // Who was interviewed, by role and number: never their names.
  keyInformants: z.array(KeyInformant).min(1, 'name at least one key-informant source').max(20),
});

export const AssessmentResponse = z.object({
  id: z.string(),
  siteId: z.string(),
  date: z.string(),
  shelter: z.number(),
  waterSanitation: z.number(),
  healthAccess: z.number(),
  protection: z.number(),
  latrines: z.number().nullable(),
  waterPoints: z.number().nullable(),
  showers: z.number().nullable(),
  protectionRisks: z.array(z.string()),
  servicesPresent: z.array(z.string()),
  keyInformants: z.array(z.object({ kind: z.string(), count: z.number() })),
  orgId: z.string(),
  createdAt: z.string(),
});

export const AssessmentSeriesResponse = z.object({
  siteId: z.string(),
  indicators: z.array(
    z.object({
      indicator: z.enum([...SEVERITY_INDICATORS, ...COUNT_INDICATORS]),
      points: z.array(z.object({ date: z.string(), value: z.number() })),
    }),
  ),
});

// Incidents (protection monitoring)

export const INCIDENT_KINDS = [
  'physical_violence',
  'sexual_violence',
  'child_protection',
  'trafficking',
  'police_action',
  'eviction',
  'fire',
  'injury',
  'death',
  'missing_person',
  'theft',
  'other',
] as const;
export const INCIDENT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

export const CreateIncidentBody = z.strictObject({
  date: IsoDate,
  kind: z.enum(INCIDENT_KINDS),
  severity: z.enum(INCIDENT_SEVERITIES),
  peopleAffected: PeopleCount.optional(),
  /** Encrypted at rest; readable only by protection staff of the recording organisation. */
  description: text(5000).optional(),
});

export const IncidentsQuery = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});

export const IncidentSummaryQuery = z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional() });

export const IncidentResponse = z.object({
  id: z.string(),
  siteId: z.string(),
  date: z.string(),
  kind: z.enum(INCIDENT_KINDS),
  severity: z.enum(INCIDENT_SEVERITIES),
  peopleAffected: z.number().nullable(),
  hasDescription: z.boolean(),
  /** Present only for roles that read incident details. */
  description: z.string().nullable().optional(),
  orgId: z.string(),
  createdAt: z.string(),
});

export const IncidentSummaryResponse = z.object({
  siteId: z.string(),
  /** This site and every zone under it. */
  sitesCovered: z.number(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  total: z.number(),
  peopleAffected: z.number(),
  byKind: z.record(z.string(), z.number()),
  bySeverity: z.record(z.string(), z.number()),
  byMonth: z.array(z.object({ month: z.string(), count: z.number(), peopleAffected: z.number() })),
});
