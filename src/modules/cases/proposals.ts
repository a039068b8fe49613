import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { raiseAlert } from '../alerts/alerts.service.js';
import type { PeopleTable } from '../registry/registry.tables.js';
import { isUnaccompaniedChild } from './case-people.js';
import { findActiveCasesOfPerson, updateCaseRow } from './cases.repository.js';
import type { CaseType } from './cases.schema.js';
import { syncCaseAlerts } from './deadlines.service.js';

export const PROPOSAL_RULE = 'cases.proposed';

/**
 * Which recorded needs call for which kind of case, as data. SC (a child without their carers)
 * and CR (child at risk): child protection. TI-* (trafficking-risk indicators): trafficking.
 * SV (sexual and gender-based violence): gbv. WR (woman at risk): general protection, which a
 * supervisor may open as gbv instead when the assessment shows it.
 */
export const PROPOSAL_TABLE: ReadonlyArray<{ prefix: string; type: CaseType; urgent: boolean }> = [
  { prefix: 'SC', type: 'child_protection', urgent: true },
  { prefix: 'CR', type: 'child_protection', urgent: false },
  { prefix: 'TI', type: 'trafficking', urgent: true },
  { prefix: 'SV', type: 'gbv', urgent: true },
  { prefix: 'WR', type: 'general_protection', urgent: false },
];

const HOURS = 3_600_000;

/**
 * Proposes a case to the organisation's case supervisors when a protection need is recorded:
 * an alert `cases.proposed` per case type, never a case opened behind anyone's back (opening one
 * for this person and type resolves the proposal). Called by the registry inside its own
 * transaction. A new person cannot have a case yet, so `isNew` skips the lookups (bulk imports
 * register hundreds of thousands of people through here). For a known person, their open cases
 * also get their "child alone" snapshot and deadlines refreshed.
 */
export async function proposeCaseForNeeds(
  trx: Executor,
  ctx: ServiceContext,
  person: Pick<PeopleTable, 'id' | 'org_id' | 'birth_year'>,
  codes: readonly string[],
  options: { isNew?: boolean } = {},
): Promise<void> {
  const proposals = new Map<CaseType, { codes: string[]; urgent: boolean }>();
  for (const code of codes) {
    const match = PROPOSAL_TABLE.find((p) => code === p.prefix || code.startsWith(`${p.prefix}-`));
    if (!match) continue;
    const current = proposals.get(match.type) ?? { codes: [], urgent: false };
    proposals.set(match.type, { codes: [...current.codes, code], urgent: current.urgent || match.urgent });
  }
  const active = options.isNew ? [] : await findActiveCasesOfPerson(trx, person.id);
  const now = ctx.now();
  for (const [type, proposal] of proposals) {
    if (active.some((c) => c.type === type)) continue;
    await raiseAlert(trx, ctx, {
      orgId: person.org_id,
      rule: PROPOSAL_RULE,
      entity: 'person',
      entityId: person.id,
      subjectId: type,
      personId: person.id,
      assignedRole: 'case_supervisor',
      severity: proposal.urgent ? 'urgent' : 'warning',
      dueAt: new Date(now.getTime() + (proposal.urgent ? 24 : 72) * HOURS).toISOString(),
      escalateAt: null,
      details: { suggestedType: type, needs: proposal.codes },
    });
  }
  if (active.length === 0) return;
  const unaccompanied = (await isUnaccompaniedChild(trx, person, now)) ? 1 : 0;
  for (const row of active) {
    if (row.unaccompanied === unaccompanied) continue;
    if (await updateCaseRow(trx, row.id, row.version, { unaccompanied }))
      await syncCaseAlerts(trx, ctx, { ...row, unaccompanied, version: row.version + 1 });
  }
}
