/**
 * Types of the data protection API, inferred from the server's zod schemas (type-only imports:
 * no zod code reaches the browser bundle).
 */
import type { z } from 'zod';
import type {
  AccessResponse,
  CreateAccessBody,
  RefuseAccessBody,
} from '../../../../src/modules/dataprotection/access/access-request.schema';
import type { ConsentOverviewResponse } from '../../../../src/modules/dataprotection/consent/consent.schema';
import type {
  CreateErasureBody,
  ErasureResponse,
  RefuseErasureBody,
} from '../../../../src/modules/dataprotection/erasure/erasure.schema';
import type {
  CreatePolicyBody,
  PolicyResponse,
  RecordTypesResponse,
  ReportResponse,
} from '../../../../src/modules/dataprotection/retention/retention.schema';

export type Policy = z.infer<typeof PolicyResponse>;
export type RecordTypeInfo = z.infer<typeof RecordTypesResponse>['items'][number];
export type RetentionReport = z.infer<typeof ReportResponse>;
export type CreatePolicyInput = z.input<typeof CreatePolicyBody>;
export type Erasure = z.infer<typeof ErasureResponse>;
export type CreateErasureInput = z.input<typeof CreateErasureBody>;
export type RefuseErasureInput = z.input<typeof RefuseErasureBody>;
export type AccessRequest = z.infer<typeof AccessResponse>;
export type CreateAccessInput = z.input<typeof CreateAccessBody>;
export type AccessRefusal = z.input<typeof RefuseAccessBody>['reason'];
export type ConsentOverview = z.infer<typeof ConsentOverviewResponse>;

export type ErasureGround = CreateErasureInput['ground'];
export type RefusalGround = RefuseErasureInput['ground'];
export type Verification = CreateAccessInput['verification'];

// The enumerations, repeated as values for the forms (the schemas' own arrays would pull zod in).
export const ERASURE_GROUNDS: readonly ErasureGround[] = [
  'no_longer_necessary',
  'consent_withdrawn',
  'objection',
  'unlawful_processing',
  'legal_obligation',
  'child_information_society',
];
export const REFUSAL_GROUNDS: readonly RefusalGround[] = [
  'freedom_of_expression',
  'legal_obligation_or_public_task',
  'public_health',
  'archiving_research_statistics',
  'legal_claims',
  'no_ground_applies',
];
export const VERIFICATIONS: readonly Verification[] = [
  'identity_document',
  'registration_card',
  'known_to_staff',
  'other',
];
export const ACCESS_REFUSALS: readonly AccessRefusal[] = [
  'identity_not_verified',
  'manifestly_unfounded',
  'excessive',
];
