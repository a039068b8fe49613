import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { findOpenAlertsForEntities } from '../alerts/alerts.repository.js';
import { type CasePersonView, loadCasePeople } from './case-people.js';
import { type CaseAccess, caseAccess } from './cases.policy.js';
import { type CaseSummary, presentCaseSummary } from './cases.presenter.js';

export type { CaseSummary };

import { caseAad, openCaseKeys, unseal } from './case-crypto.js';
import type { CaseReferralsTable, CasesTable } from './cases.tables.js';
import { findReferralsOfCases } from './referrals.repository.js';
import { findCasesWithApprovedClosure } from './work.repository.js';

export interface CaseView {
  row: CasesTable;
  access: CaseAccess;
  person: CasePersonView | null;
  riskReason: string | null;
  referrals: CaseReferralsTable[];
  /** Open alerts of the case for the caller's organisation. */
  dueItems: Array<{ id: string; rule: string; due_at: string | null; deadline_state: string }>;
  hasApprovedClosure: boolean;
}

/** Everything the presenter needs for some cases, in a fixed number of queries whatever their number. */
export async function loadCaseViews(
  db: Executor,
  ctx: ServiceContext,
  rows: readonly CasesTable[],
  known: { referrals?: CaseReferralsTable[] } = {},
): Promise<CaseView[]> {
  const ids = rows.map((r) => r.id);
  const referrals = known.referrals ?? (await findReferralsOfCases(db, ids));
  const alerts = await findOpenAlertsForEntities(db, 'case', ids);
  const accessById = new Map(
    rows.map((row) => [
      row.id,
      caseAccess(
        ctx.actor,
        row,
        referrals.filter((r) => r.case_id === row.id),
      ),
    ]),
  );
  const named = new Set(rows.filter((r) => accessById.get(r.id)?.level === 'full').map((r) => r.person_id));
  const people = await loadCasePeople(
    db,
    ctx.keys,
    rows.map((r) => r.person_id),
    named,
    ctx.now(),
  );
  const fullIds = rows.filter((r) => accessById.get(r.id)?.level === 'full').map((r) => r.id);
  const keys = await openCaseKeys(db, ctx.keys, fullIds);
  const approvedClosure = await findCasesWithApprovedClosure(db, fullIds);
  const nowIso = ctx.now().toISOString();
  const views: CaseView[] = [];
  for (const row of rows) {
    const access = accessById.get(row.id)!;
    const full = access.level === 'full';
    const person = people.get(row.person_id) ?? null;
    const key = keys.get(row.id) ?? null;
    views.push({
      row,
      access,
      person: person && !full ? { ...person, name: null } : person,
      riskReason: unseal<string>(key, caseAad.riskReason(row.id), row.risk_reason),
      referrals: referrals.filter((r) => r.case_id === row.id),
      dueItems: alerts
        .filter((a) => a.entity_id === row.id && a.org_id === ctx.actor.orgId)
        // Upcoming deadlines help the caseworker plan; a supervisor's warning waits until it is due.
        .filter(
          (a) => a.assigned_role !== 'case_supervisor' || a.visible_from === null || a.visible_from <= nowIso,
        )
        .map((a) => ({ id: a.id, rule: a.rule, due_at: a.due_at, deadline_state: a.deadline_state })),
      hasApprovedClosure: approvedClosure.has(row.id),
    });
  }
  return views;
}

/** One case as its caller may see it, for the answer to a write. */
export async function summariseCase(
  db: Executor,
  ctx: ServiceContext,
  row: CasesTable,
): Promise<CaseSummary> {
  const [view] = await loadCaseViews(db, ctx, [row]);
  return presentCaseSummary(view!, ctx.actor, ctx.now());
}
