/**
 * Types of the tracing and reunification API, inferred from the server's zod schemas (type-only
 * imports: no zod code reaches the browser bundle). The runtime lists come from the enums module,
 * which holds plain constants only.
 */
import type { z } from 'zod';
import type {
  CaseDetailResponse,
  CaseSummaryResponse,
  CreateReunificationCaseBody,
  DashboardResponse,
  DeadlineResponse,
  DeadlinesResponse,
  FamilyLinkResponse,
  TransitionBody,
  UpdateCaseBody,
} from '../../../../src/modules/reunification/reunification.schema';
import type {
  CreateTracingRequestBody,
  TracingMatchResponse,
  TracingRequestResponse,
} from '../../../../src/modules/reunification/tracing.schema';

export type TracingRequest = z.infer<typeof TracingRequestResponse>;
export type TracingMatch = z.infer<typeof TracingMatchResponse>;
export type CreateTracingInput = z.input<typeof CreateTracingRequestBody>;
export type CaseSummary = z.infer<typeof CaseSummaryResponse>;
export type CaseDetail = z.infer<typeof CaseDetailResponse>;
export type Deadline = z.infer<typeof DeadlineResponse>;
export type Deadlines = z.infer<typeof DeadlinesResponse>;
export type FamilyLink = z.infer<typeof FamilyLinkResponse>;
export type Dashboard = z.infer<typeof DashboardResponse>;
export type CreateCaseInput = z.input<typeof CreateReunificationCaseBody>;
export type TransitionInput = z.input<typeof TransitionBody>;
export type UpdateCaseInput = z.input<typeof UpdateCaseBody>;

export type {
  EvidenceStatus,
  Kinship,
  LegalBasis,
  LegalStatus,
  Stage,
} from '../../../../src/modules/reunification/reunification.enums';
export {
  EVIDENCE_STATUSES,
  KINSHIPS,
  LEGAL_BASES,
  LEGAL_STATUSES,
  STAGES,
  TRANSFER_EXTENSIONS,
} from '../../../../src/modules/reunification/reunification.enums';

export interface PersonHit {
  id: string;
  code: string;
  givenName?: string;
  fathersName?: string | null;
  familyName?: string | null;
  originalScriptName?: string | null;
  age: number | null;
}

/** A person's names as one line: Latin names, or the original script, or the card code. */
export function nameOf(p: {
  givenName?: string | null;
  fathersName?: string | null;
  familyName?: string | null;
  originalScriptName?: string | null;
  code?: string | null;
}): string {
  return (
    [p.givenName, p.fathersName, p.familyName].filter(Boolean).join(' ') ||
    p.originalScriptName ||
    p.code ||
    '—'
  );
}
