/**
 * Types of the reception API, inferred from the server's zod schemas (type-only imports: no zod
 * code reaches the browser bundle).
 */
import type { z } from 'zod';
import type {
  AcceptPlanBody,
  PlanBody,
  PlanResponse,
} from '../../../../src/modules/reception/placement.schema';
import type {
  AvailabilityResponse,
  CapacityBody,
  CentreAvailability,
  ConvoyResponse,
  CreateConvoyBody,
  PassengerListResponse,
  RecordReturnBody,
  ReturnRatesResponse,
} from '../../../../src/modules/reception/reception.schema';
import type {
  RelocationResponse,
  RelocationStatus as RelocationStatusSchema,
  TransitionBody,
} from '../../../../src/modules/reception/relocations.schema';
import type { SearchResult } from '../../../../src/modules/registry/registry.schema';

export type Availability = z.infer<typeof AvailabilityResponse>;
export type Centre = z.infer<typeof CentreAvailability>;
export type CategoryFigures = Centre['categories'][number];
export type CapacityInput = z.input<typeof CapacityBody>;
export type Plan = z.infer<typeof PlanResponse>;
export type Proposal = Plan['proposals'][number];
export type PlanInput = z.input<typeof PlanBody>;
export type AcceptPlanInput = z.input<typeof AcceptPlanBody>;
export type Relocation = z.infer<typeof RelocationResponse>;
export type RelocationStatus = z.infer<typeof RelocationStatusSchema>;
export type TransitionInput = z.input<typeof TransitionBody>;
export type Convoy = z.infer<typeof ConvoyResponse>;
export type CreateConvoyInput = z.input<typeof CreateConvoyBody>;
export type PassengerList = z.infer<typeof PassengerListResponse>;
export type ReturnInput = z.input<typeof RecordReturnBody>;
export type ReturnRates = z.infer<typeof ReturnRatesResponse>;
export type WaitingPerson = z.infer<typeof SearchResult>;

/** Mirrors the server's lists (reception.rules.ts, relocations.schema.ts, reception.schema.ts). */
export const STANDARD_CATEGORIES = [
  'family',
  'single_men',
  'single_women',
  'unaccompanied_minors',
  'medical',
] as const;

export const RELOCATION_STATUSES = [
  'proposed',
  'accepted',
  'scheduled',
  'departed',
  'arrived',
  'left',
  'returned',
  'declined',
  'cancelled',
  'no_show',
] as const satisfies readonly RelocationStatus[];

export const RETURN_REASONS = ['family_in_uk', 'centre_conditions', 'asylum_outcome', 'other'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export interface SiteOption {
  id: string;
  name: string;
  kind: string;
}

/** The coordinator's adjustments for the next planner run. */
export interface Choices {
  pins: Array<{ personId: string; siteId: string }>;
  exclusions: Array<{ personId: string; siteId: string }>;
}
