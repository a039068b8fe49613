import { timeOrderedId } from '../../crypto/index.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { higherRisk, scoreAssessment } from './assessment-scoring.js';
import type { AssessmentInput } from './assessments.schema.js';
import { loadCaseForWrite, recordCaseEvent, saveCase } from './case-context.js';
import { caseAad, requireCaseKey, seal } from './case-crypto.js';
import type { AssessmentKind, CaseType } from './cases.schema.js';
import type { CasesTable } from './cases.tables.js';
import { WORKFLOWS } from './cases.workflow.js';
import { syncCaseAlerts } from './deadlines.service.js';
import { insertAssessment } from './work.repository.js';

/**
 * Which assessment forms a case type uses. A trafficking screen may be done on any case (signs
 * show up in every kind of case); the child protection form serves child protection and child
 * trafficking cases; the best-interests assessment is checked separately (children alone only).
 */
const FORMS_BY_TYPE: Record<CaseType, readonly AssessmentKind[]> = {
  child_protection: ['child_protection', 'trafficking', 'bia'],
  trafficking: ['trafficking', 'child_protection', 'bia'],
  gbv: ['general', 'trafficking'],
  general_protection: ['general', 'trafficking'],
};

/**
 * Records a structured assessment. The answers are sealed with the case key; plain columns keep
 * only the suggested risk and a count. Completing the type's required assessment (or the BIA)
 * satisfies the workflow's precondition and resolves its deadline; a suggested risk higher than
 * the case's raises it, with the reason on the timeline.
 */
export async function recordAssessment(ctx: ServiceContext, caseId: string, input: AssessmentInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadCaseForWrite(trx, ctx, caseId, 'owner');
    if (!FORMS_BY_TYPE[row.type].includes(input.kind))
      throw AppError.validation('kind', `the ${input.kind} form is not used for ${row.type} cases`);
    if (input.kind === 'bia' && row.unaccompanied !== 1) {
      throw new AppError(
        'invalid_state',
        'A best-interests assessment is for an unaccompanied or separated child; this case is not marked as one.',
      );
    }
    const now = ctx.now();
    const nowIso = now.toISOString();
    const id = timeOrderedId(now.getTime());
    const dataKey = await requireCaseKey(trx, ctx.keys, caseId);
    const scored = scoreAssessment(input);
    await insertAssessment(trx, {
      id,
      case_id: caseId,
      kind: input.kind,
      suggested_risk: scored.suggestedRisk,
      concerns_noted: scored.concernsNoted,
      answers: seal(dataKey, caseAad.assessment(caseId, id), input.answers),
      completed_by: ctx.actor.userId,
      completed_at: nowIso,
    });
    const changes: Partial<CasesTable> = {};
    if (input.kind === WORKFLOWS[row.type].assessment) changes.assessed_at = nowIso;
    if (input.kind === 'bia') changes.bia_at = nowIso;
    const risk = higherRisk(row.risk, scored.suggestedRisk);
    if (risk !== row.risk) changes.risk = risk;
    const saved = await saveCase(trx, ctx, row, changes);
    await recordCaseEvent(trx, ctx, saved, dataKey, {
      kind: 'assessment',
      summary: {
        assessmentId: id,
        kind: input.kind,
        suggestedRisk: scored.suggestedRisk,
        concernsNoted: scored.concernsNoted,
        ...scored.facts,
      },
    });
    if (risk !== row.risk) {
      await recordCaseEvent(trx, ctx, saved, dataKey, {
        kind: 'risk_changed',
        summary: { from: row.risk, to: risk, source: `${input.kind} assessment` },
      });
    }
    await recordAudit(trx, ctx, {
      action: 'case.assessment_record',
      entity: 'case',
      entityId: caseId,
      details: {
        assessmentId: id,
        kind: input.kind,
        suggestedRisk: scored.suggestedRisk,
        riskRaised: risk !== row.risk,
      },
    });
    await syncCaseAlerts(trx, ctx, saved);
    return {
      id,
      kind: input.kind,
      suggestedRisk: scored.suggestedRisk,
      concernsNoted: scored.concernsNoted,
      answers: input.answers as Record<string, unknown>,
      completedBy: ctx.actor.userId,
      completedAt: nowIso,
      caseRisk: risk,
      riskRaised: risk !== row.risk,
    };
  });
}
