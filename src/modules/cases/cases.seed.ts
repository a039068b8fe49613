import type { DemoModuleSeeder, DemoSeedContext } from '../../db/seed/demo-modules.js';
import type { ServiceContext } from '../../server/context.js';
import type { Actor } from '../access/actor.js';
import { permissionsOf } from '../access/permissions.js';
import type { Role } from '../access/roles.js';
import { changeNeeds } from '../registry/people-update.service.js';
import { decideApproval, requestApproval } from './approvals.service.js';
import { recordAssessment } from './assessments.service.js';
import { findDemoCandidates } from './cases.repository.js';
import { SEED_CASES, type SeedStep } from './cases.seed-data.js';
import { openCase } from './cases.service.js';
import { recomputeDeadlines } from './deadlines.service.js';
import { recordPlan } from './plans.service.js';
import { addFollowUp, addNote, raiseFlag } from './records.service.js';
import { decideReferral } from './referral-decisions.service.js';
import { findReferralsOfCase } from './referrals.repository.js';
import { referCase } from './referrals.service.js';
import { biaSeed, childAssessmentSeed, traffickingSeed } from './seed-answers.js';
import { transitionCase } from './transitions.service.js';
import { findApprovals } from './work.repository.js';

const DAY = 86_400_000;
const EMAILS = {
  caseworker: 'caseworker@demo.passerelle.example',
  supervisor: 'supervisor@demo.passerelle.example',
  children: 'children@demo.passerelle.example',
};

/**
 * Demo cases at the demo NGO: child protection and trafficking cases in every state, some of
 * them overdue, one referred to and accepted by the children's NGO. Each history is replayed
 * through the services with a clock set back to when it happened; the deadline job then runs at
 * today's time, so what is late shows as overdue or escalated.
 */
async function seedCases({ ctx, orgIds, userIds, progress }: DemoSeedContext): Promise<void> {
  const ngo = orgIds['demo-ngo'];
  const children = orgIds['demo-children'];
  if (!ngo || !children) return;
  let clock = new Date();
  const as = (email: string, orgId: string, roles: Role[]): ServiceContext => {
    const actor: Actor = {
      userId: userIds[email] ?? null,
      orgId,
      roles,
      permissions: permissionsOf(roles),
      via: 'token',
      secondFactorSatisfied: true,
    };
    return { ...ctx, now: () => clock, actor };
  };
  const caseworker = as(EMAILS.caseworker, ngo, ['caseworker']);
  const supervisor = as(EMAILS.supervisor, ngo, ['case_supervisor']);
  const partner = as(EMAILS.children, children, ['caseworker']);
  if (!caseworker.actor.userId || !supervisor.actor.userId) return;

  const wanted = { child: SEED_CASES.filter((c) => c.person === 'child').length, adult: 0 };
  wanted.adult = SEED_CASES.length - wanted.child;
  const candidates = await findDemoCandidates(ctx.db, ngo, wanted);
  const started = Date.now();
  for (const [index, seed] of SEED_CASES.entries()) {
    const personId = seed.person === 'child' ? candidates.children.shift() : candidates.adults.shift();
    if (!personId) continue;
    progress('cases', index + 1, SEED_CASES.length);
    const openedAt = started - seed.openedDaysAgo * DAY;
    clock = new Date(openedAt);
    if (seed.person === 'adult') await changeNeeds(caseworker, personId, { add: ['TI-DB', 'TI-CD'] });
    const opened = await openCase(
      caseworker,
      { personId, type: seed.type, risk: seed.risk, riskReason: seed.riskReason },
      { isDemo: true },
    );
    for (const { day, step } of seed.steps) {
      clock = new Date(openedAt + day * DAY);
      await runStep(step, opened.id, { caseworker, supervisor, partner, children });
    }
  }
  clock = new Date();
  await recomputeDeadlines({ ...ctx, now: () => new Date() });
}

async function runStep(
  step: SeedStep,
  caseId: string,
  by: { caseworker: ServiceContext; supervisor: ServiceContext; partner: ServiceContext; children: string },
): Promise<void> {
  const { caseworker, supervisor, partner } = by;
  const today = () => caseworker.now().toISOString().slice(0, 10);
  const inDays = (days: number) =>
    new Date(caseworker.now().getTime() + days * DAY).toISOString().slice(0, 10);
  const pending = async (kind: 'plan' | 'closure') =>
    (await findApprovals(caseworker.db, caseId)).find((a) => a.kind === kind && a.status === 'pending')?.id;
  switch (step) {
    case 'startAssessment':
      return void (await transitionCase(caseworker, caseId, { to: 'assessment' }));
    case 'childAssessment':
      return void (await recordAssessment(caseworker, caseId, childAssessmentSeed));
    case 'bia':
      return void (await recordAssessment(caseworker, caseId, biaSeed));
    case 'traffickingChecklist':
      return void (await recordAssessment(caseworker, caseId, traffickingSeed));
    case 'toPlan':
      return void (await transitionCase(caseworker, caseId, { to: 'case_plan' }));
    case 'plan':
      return void (await recordPlan(caseworker, caseId, {
        goals: 'Safe place to sleep every night; a family reunification request lodged',
        actions: [
          { what: 'Place in the reception centre for minors', who: 'caseworker', byWhen: inDays(3) },
          { what: 'Ask the relative abroad for documents', who: 'caseworker', byWhen: inDays(21) },
        ],
      }));
    case 'requestPlanApproval':
      return void (await requestApproval(caseworker, caseId, { kind: 'plan' }));
    case 'approvePlan':
    case 'approveClosure': {
      const approval = await pending(step === 'approvePlan' ? 'plan' : 'closure');
      if (approval) await decideApproval(supervisor, caseId, approval, { decision: 'approved' });
      return;
    }
    case 'toImplementation':
      return void (await transitionCase(caseworker, caseId, { to: 'implementation' }));
    case 'followUp':
      return void (await addFollowUp(caseworker, caseId, {
        kind: 'visit',
        occurredOn: today(),
        notes: 'Seen at the centre; eating and sleeping there',
        childSeenSafe: true,
      }));
    case 'note':
      return void (await addNote(caseworker, caseId, 'Phoned the relative abroad; documents on their way'));
    case 'flagMissing':
      return void (await raiseFlag(caseworker, caseId, {
        flag: 'missing',
        reason: 'Not seen at the centre for two nights',
      }));
    case 'requestClosure':
      return void (await requestApproval(caseworker, caseId, {
        kind: 'closure',
        closureReason: 'goals_met',
      }));
    case 'close':
      return void (await transitionCase(caseworker, caseId, {
        to: 'closed',
        reason: 'Arrived safely with his brother',
      }));
    case 'referToChildrenNgo':
      return void (await referCase(caseworker, caseId, {
        kind: 'referral',
        toOrgId: by.children,
        service: 'shelter',
        urgent: true,
        note: 'Needs a night shelter place for a young child',
      }));
    case 'childrenNgoAccepts': {
      const requested = (await findReferralsOfCase(partner.db, caseId)).find((r) => r.status === 'requested');
      if (requested) await decideReferral(partner, requested.id, { decision: 'accepted' });
      return;
    }
  }
}

export const casesDemoSeeder: DemoModuleSeeder = { name: 'cases', seed: seedCases };
