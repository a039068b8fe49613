import type { ProcedureType } from './pathways.tables.js';
import type { Stage } from './rules/rule-types.js';

/** A stage that must be recorded before, optionally with one of some results. */
interface Prerequisite {
  stage: Stage;
  results?: readonly string[];
}

export interface StageSpec {
  stage: Stage;
  requires: readonly Prerequisite[];
  /** Results a recording of this stage must give (none: no result). */
  results?: readonly string[];
  /** Recorded more than once (interviews of a return, follow-ups after departure). */
  repeatable?: true;
  /** Needs the person's custody at notification (it selects the transfer appeal limit). */
  needsCustody?: true;
  /** Results that close the procedure, and the outcome each records; `*`: any result or none. */
  closes?: Readonly<Record<string, string>>;
  /** Results that set the outcome without closing (a further step remains possible). */
  sets?: Readonly<Record<string, string>>;
  /** Allowed once any of these stages is recorded: it comes too late. */
  notAfter?: readonly Stage[];
}

const NEGATIVE = ['rejected', 'subsidiary_protection', 'inadmissible', 'closed'] as const;
const WITHDRAWN: StageSpec = { stage: 'withdrawn', requires: [], closes: { '*': 'withdrawn' } };

/**
 * The French asylum procedure: first appointment (pre-reception platform), registration at the
 * single desk (GUDA) with the asylum-seeker certificate, application to OFPRA, interview,
 * OFPRA's decision, then the CNDA appeal with its legal-aid request. The accelerated procedure
 * has the same stages with shorter limits for OFPRA and the CNDA, not for the person.
 */
const NATIONAL: readonly StageSpec[] = [
  { stage: 'first_appointment', requires: [] },
  { stage: 'registration', requires: [] },
  { stage: 'application', requires: [{ stage: 'registration' }] },
  { stage: 'interview', requires: [{ stage: 'application' }] },
  {
    stage: 'decision',
    requires: [{ stage: 'application' }],
    results: ['refugee_status', ...NEGATIVE],
    closes: { refugee_status: 'refugee_status' },
    sets: {
      subsidiary_protection: 'subsidiary_protection',
      rejected: 'rejected',
      inadmissible: 'rejected',
      closed: 'rejected',
    },
  },
  { stage: 'legal_aid_request', requires: [{ stage: 'decision', results: NEGATIVE }], notAfter: ['appeal'] },
  { stage: 'appeal', requires: [{ stage: 'decision', results: NEGATIVE }] },
  {
    stage: 'appeal_decision',
    requires: [{ stage: 'appeal' }],
    results: ['refugee_status', 'subsidiary_protection', 'rejected'],
    closes: { '*': '=' },
  },
  WITHDRAWN,
];

/**
 * Dublin: registration, the transfer decision (its appeal limit depends on custody), the appeal
 * to the administrative court and its judgment, the transfer. An annulled transfer makes France
 * responsible: this procedure closes and a normal one is opened.
 */
const DUBLIN: readonly StageSpec[] = [
  { stage: 'first_appointment', requires: [] },
  { stage: 'registration', requires: [] },
  { stage: 'transfer_decision', requires: [{ stage: 'registration' }], needsCustody: true },
  { stage: 'transfer_appeal', requires: [{ stage: 'transfer_decision' }] },
  {
    stage: 'transfer_appeal_decision',
    requires: [{ stage: 'transfer_appeal' }],
    results: ['annulled', 'upheld'],
    closes: { annulled: 'transfer_annulled' },
  },
  { stage: 'transfer', requires: [{ stage: 'transfer_decision' }], closes: { '*': 'transferred' } },
  WITHDRAWN,
];

/**
 * Assisted voluntary return (OFII's aide au retour, IOM's AVRR): request, counselling, the
 * person's informed decision, eligibility, travel documents, departure, and reintegration
 * follow-ups. Withdrawal is possible at any time before departure.
 */
const RETURN: readonly StageSpec[] = [
  { stage: 'request', requires: [] },
  { stage: 'counselling', requires: [{ stage: 'request' }], repeatable: true },
  { stage: 'informed_decision', requires: [{ stage: 'counselling' }] },
  {
    stage: 'eligibility',
    requires: [{ stage: 'informed_decision' }],
    results: ['eligible', 'ineligible'],
    closes: { ineligible: 'ineligible' },
  },
  { stage: 'travel_documents', requires: [{ stage: 'eligibility', results: ['eligible'] }] },
  { stage: 'departure', requires: [{ stage: 'travel_documents' }], sets: { '*': 'departed' } },
  { stage: 'reintegration_follow_up', requires: [{ stage: 'departure' }], repeatable: true },
  { ...WITHDRAWN, notAfter: ['departure'] },
];

export const WORKFLOWS: Readonly<Record<ProcedureType, readonly StageSpec[]>> = {
  normal: NATIONAL,
  accelerated: NATIONAL,
  dublin: DUBLIN,
  return: RETURN,
};

export interface RecordedStage {
  stage: string;
  occurredOn: string;
  result: string | null;
}

export type StageCheck =
  | { ok: true; spec: StageSpec }
  | { ok: false; field: 'stage' | 'occurredOn' | 'result' | 'custody'; message: string; conflict?: true };

/**
 * Whether a stage can be recorded on a date, given what was recorded before. The order of the
 * procedure is the law's: a decision cannot predate the application it decides.
 */
export function checkStage(
  type: ProcedureType,
  recorded: readonly RecordedStage[],
  input: { stage: string; occurredOn: string; result?: string | null; custody?: string | null },
): StageCheck {
  const spec = WORKFLOWS[type].find((s) => s.stage === input.stage);
  if (!spec) return { ok: false, field: 'stage', message: `is not a stage of a ${type} procedure` };
  if (spec.results && !spec.results.includes(input.result ?? ''))
    return { ok: false, field: 'result', message: `must be one of ${spec.results.join(', ')}` };
  if (!spec.results && input.result)
    return { ok: false, field: 'result', message: 'this stage has no result' };
  if (spec.needsCustody && !input.custody)
    return { ok: false, field: 'custody', message: 'Required: it decides the appeal time limit' };
  if (!spec.repeatable && recorded.some((r) => r.stage === spec.stage))
    return { ok: false, field: 'stage', message: `${spec.stage} is already recorded`, conflict: true };
  const late = spec.notAfter?.find((s) => recorded.some((r) => r.stage === s));
  if (late) return { ok: false, field: 'stage', message: `comes too late: ${late} is already recorded` };
  for (const need of spec.requires) {
    const done = recorded.filter(
      (r) => r.stage === need.stage && (!need.results || need.results.includes(r.result ?? '')),
    );
    if (done.length === 0) {
      const which = need.results ? `${need.stage} (${need.results.join(' or ')})` : need.stage;
      return { ok: false, field: 'stage', message: `record the ${which} first` };
    }
    const latest = done
      .map((r) => r.occurredOn)
      .sort()
      .at(-1)!;
    if (input.occurredOn < latest)
      return { ok: false, field: 'occurredOn', message: `must be on or after the ${need.stage} (${latest})` };
  }
  return { ok: true, spec };
}

/** The procedure's outcome and status after a stage. */
export function outcomeAfter(spec: StageSpec, result: string | null): { outcome?: string; closes: boolean } {
  const key = result ?? '*';
  const closing = spec.closes?.[key] ?? spec.closes?.['*'];
  if (closing) return { outcome: closing === '=' ? (result ?? undefined) : closing, closes: true };
  const setting = spec.sets?.[key] ?? spec.sets?.['*'];
  return { outcome: setting, closes: false };
}

/** Stages that could be recorded next (for the UI): prerequisites met, not yet recorded. */
export function nextStages(type: ProcedureType, recorded: readonly RecordedStage[]): string[] {
  const today = '9999-12-31';
  return WORKFLOWS[type]
    .filter((spec) => {
      const check = checkStage(type, recorded, {
        stage: spec.stage,
        occurredOn: today,
        result: spec.results?.[0] ?? null,
        custody: spec.needsCustody ? 'none' : null,
      });
      return check.ok;
    })
    .map((spec) => spec.stage);
}
