/** What the pathways API answers (src/modules/pathways/*.schema.ts), as the web app reads it. */

export const ROUTES = [
  'asylum_france',
  'dublin',
  'family_reunification',
  'voluntary_return',
  'relocation',
  'undecided',
] as const;
export type PathwayRoute = (typeof ROUTES)[number];

export interface Pathway {
  id: string;
  personId: string;
  route: PathwayRoute;
  since: string;
  until: string | null;
  current: boolean;
  notes: string | null;
  createdAt: string;
}

export interface Deadline {
  rule: string;
  label: string;
  legalSource: string;
  dueOn: string;
  dueAt: string;
  daysLeft: number;
  extended: boolean;
  met: boolean;
  metOn: string | null;
  consequence: string;
  verification: { status: 'verified' | 'secondary' | 'unverified'; checkedAgainst: string };
}

export interface ProcedureEvent {
  id: string;
  stage: string;
  occurredOn: string;
  result: string | null;
  custody: string | null;
  notes: string | null;
}

export interface ProcedureDocument {
  id: string;
  kind: string;
  issuedOn: string;
  expiresOn: string | null;
  replacedBy: string | null;
  daysToExpiry: number | null;
}

export interface Procedure {
  id: string;
  personId: string;
  kind: 'asylum' | 'voluntary_return';
  procedureType: 'normal' | 'accelerated' | 'dublin' | 'return';
  destinationCountry: string | null;
  status: 'open' | 'closed';
  outcome: string | null;
  events: ProcedureEvent[];
  documents: ProcedureDocument[];
  deadlines: Deadline[];
  nextStages: string[];
  allowed: string[];
}

export interface PersonPathways {
  personId: string;
  current: Pathway | null;
  history: Pathway[];
  procedures: Procedure[];
  allowed: string[];
}

export const PURPOSES = ['pathway_step', 'counselling', 'medical_referral', 'other'] as const;
export const TRANSPORT = ['none', 'own', 'ticket', 'accompanied', 'organised'] as const;

export interface Appointment {
  id: string;
  personId: string;
  personCode: string;
  personName: string | null;
  purpose: (typeof PURPOSES)[number];
  procedureId: string | null;
  stage: string | null;
  startsAt: string;
  endsAt: string;
  localDate: string;
  place: string;
  mapReference: string | null;
  hostOrganisation: string;
  interpreterLanguage: string | null;
  transport: (typeof TRANSPORT)[number];
  status: 'scheduled' | 'attended' | 'missed' | 'cancelled';
  followUpDoneAt: string | null;
  interpreter: {
    id: string;
    interpreterId: string;
    interpreterName: string;
    language: string;
    startsAt: string;
    endsAt: string;
  } | null;
  allowed: string[];
}

export interface AppointmentInput {
  personId: string;
  purpose: Appointment['purpose'];
  procedureId?: string;
  stage?: string;
  siteId?: string;
  startsAt: string;
  endsAt?: string;
  place: string;
  mapReference?: string;
  hostOrganisation: string;
  interpreterLanguage?: string;
  transport: Appointment['transport'];
}

export interface Interpreter {
  id: string;
  name: string;
  kind: 'interpreter' | 'cultural_mediator';
  languages: string[];
  organisation: string;
  availability: Array<{ weekday: number; from: string; to: string }>;
  active: boolean;
  upcoming: Array<{ bookingId: string; startsAt: string; endsAt: string; language: string }>;
}

export interface InterpreterInput {
  name: string;
  kind: Interpreter['kind'];
  languages: string[];
  organisation: string;
  availability: Interpreter['availability'];
}

/** Stages a procedure records, with the results the server accepts for each. */
export const STAGE_RESULTS: Record<string, readonly string[]> = {
  decision: ['refugee_status', 'subsidiary_protection', 'rejected', 'inadmissible', 'closed'],
  appeal_decision: ['refugee_status', 'subsidiary_protection', 'rejected'],
  transfer_appeal_decision: ['annulled', 'upheld'],
  eligibility: ['eligible', 'ineligible'],
};
export const NEEDS_CUSTODY = new Set(['transfer_decision']);
export const CUSTODY = ['none', 'house_arrest', 'retention'] as const;

export const DOCUMENT_KINDS = [
  'asylum_certificate',
  'ofpra_registration_letter',
  'decision_letter',
  'cnda_receipt',
  'transfer_decision',
  'travel_document',
  'return_ticket',
  'other',
] as const;
