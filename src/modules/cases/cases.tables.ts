import type {
  AssessmentKind,
  CaseRisk,
  CaseStatus,
  CaseType,
  ClosureReason,
  FlagKind,
  ReferralKind,
  ReferralStatus,
  ServiceKind,
} from './cases.schema.js';

/**
 * A protection case. Plain columns are what aggregates, scope and deadlines need (type, risk,
 * status, dates); every free text lives encrypted under the case's own data key (`case_keys`),
 * so deleting that key erases the case's narrative without touching the audit chain.
 */
export interface CasesTable {
  id: string;
  /** Owner organisation: scope follows it (and `record_shares` rows from accepted referrals). */
  org_id: string;
  person_id: string;
  household_id: string | null;
  type: CaseType;
  risk: CaseRisk;
  /** Encrypted: why the risk is what it is. */
  risk_reason: string | null;
  status: CaseStatus;
  assigned_user_id: string | null;
  /** Snapshot of "child without an adult responsible" (age < 18 and an SC need); deadlines use it. */
  unaccompanied: number;
  opened_by: string | null;
  opened_at: string;
  /** Start of the current cycle: the opening, or the latest reopening. */
  cycle_started_at: string;
  status_changed_at: string;
  /** The type's required assessment, completed in this cycle. */
  assessed_at: string | null;
  /** Best-interests assessment completed in this cycle (unaccompanied children). */
  bia_at: string | null;
  plan_created_at: string | null;
  plan_approved_at: string | null;
  implementation_started_at: string | null;
  last_follow_up_at: string | null;
  last_activity_at: string;
  closed_at: string | null;
  closure_reason: ClosureReason | null;
  version: number;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface CaseKeysTable {
  case_id: string;
  wrapped_key: string;
  key_version: number;
  created_at: string;
}

/** The timeline: every change and every piece of work, one typed row each. */
export interface CaseEventsTable {
  id: string;
  case_id: string;
  /** The organisation whose user wrote it (a referral's receiving side writes too). */
  org_id: string;
  kind: string;
  /** Plain JSON of non-personal facts (states, codes, counts) for the timeline and reports. */
  summary: string;
  /** Encrypted JSON (notes, answers, reasons), or null when the event has no free text. */
  body: string | null;
  occurred_at: string;
  created_by: string | null;
  created_at: string;
}

export interface CaseAssessmentsTable {
  id: string;
  case_id: string;
  kind: AssessmentKind;
  /** Risk the answers suggest (the checklist raises risk; it never labels anyone a victim). */
  suggested_risk: CaseRisk | null;
  /** Plain count of trafficking indicators or safety concerns noted, for aggregates. */
  concerns_noted: number;
  /** Encrypted JSON of the answers. */
  answers: string;
  completed_by: string | null;
  completed_at: string;
}

export interface CasePlansTable {
  id: string;
  case_id: string;
  version: number;
  /** Encrypted: the plan's goals. */
  goals: string;
  created_by: string | null;
  created_at: string;
  approved_by: string | null;
  approved_at: string | null;
  superseded_at: string | null;
}

export type ActionStatus = 'pending' | 'done' | 'cancelled';
export type ActionAssignee = 'caseworker' | 'user' | 'organisation' | 'person' | 'other';

export interface CaseActionsTable {
  id: string;
  case_id: string;
  plan_id: string;
  /** Encrypted: what is to be done (and, for 'other', by whom). */
  what: string;
  assignee_kind: ActionAssignee;
  assignee_user_id: string | null;
  assignee_org_id: string | null;
  due_on: string;
  status: ActionStatus;
  done_by: string | null;
  done_at: string | null;
}

export type ApprovalKind = 'plan' | 'closure';
export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'used' | 'withdrawn';

export interface CaseApprovalsTable {
  id: string;
  case_id: string;
  kind: ApprovalKind;
  /** The plan being approved, for plan approvals. */
  plan_id: string | null;
  closure_reason: ClosureReason | null;
  status: ApprovalStatus;
  /** Encrypted JSON { request?, decision? } notes. */
  notes: string | null;
  requested_by: string | null;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

export interface CaseReferralsTable {
  id: string;
  case_id: string;
  kind: ReferralKind;
  from_org_id: string;
  to_org_id: string;
  service: ServiceKind;
  urgent: number;
  status: ReferralStatus;
  /** 'consent' when the person's referral consent was current, 'override' otherwise. */
  consent_basis: 'consent' | 'override';
  override_reason: string | null;
  /** Encrypted JSON { request?, override?, decision?, revocation? } notes. */
  notes: string | null;
  requested_by: string | null;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  revoked_by: string | null;
  revoked_at: string | null;
}

export interface CaseFlagsTable {
  id: string;
  case_id: string;
  flag: FlagKind;
  /** Encrypted JSON { reason, removalReason? }. */
  reasons: string;
  raised_by: string | null;
  raised_at: string;
  removed_by: string | null;
  removed_at: string | null;
}

export interface CaseAttachmentsTable {
  id: string;
  case_id: string;
  /** Detected from the bytes, never taken from the client. */
  media_type: string;
  size_bytes: number;
  /** Encrypted JSON { filename, description }. */
  meta: string;
  /** base64 of the encrypted bytes (0x01 | iv | tag | ciphertext). */
  content: string;
  uploaded_by: string | null;
  uploaded_at: string;
}

export interface CasesTables {
  cases: CasesTable;
  case_keys: CaseKeysTable;
  case_events: CaseEventsTable;
  case_assessments: CaseAssessmentsTable;
  case_plans: CasePlansTable;
  case_actions: CaseActionsTable;
  case_approvals: CaseApprovalsTable;
  case_referrals: CaseReferralsTable;
  case_flags: CaseFlagsTable;
  case_attachments: CaseAttachmentsTable;
}
