import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { raiseAlert } from '../alerts/alerts.service.js';
import { openIdentity, openPersonKey } from '../registry/person-identity.js';
import type { IndexEntry } from '../registry/person-index.js';
import type { PeopleTable } from '../registry/registry.tables.js';
import { aad, openRequestKeys, unseal } from './reunification-crypto.js';
import { type SoughtSecret, soughtProfileOf } from './tracing.presenter.js';
import {
  findOpenRequestIdsByIndex,
  findTracingRequestsByIds,
  upsertProposedMatch,
} from './tracing.repository.js';
import { MATCH_ALERT_RULE, matchRow } from './tracing-matches.service.js';
import { ALERT_PROBABILITY, scoreCandidates } from './tracing-matching.js';

/** What the registry has just written for a new person (its `PreparedPerson`, structurally). */
export interface NewRegistration {
  row: PeopleTable;
  wrappedKey: string;
  index: readonly IndexEntry[];
  consents: ReadonlyArray<{ purpose: string }>;
}

/**
 * Called by the registry inside the registration's transaction: when the new person consented to
 * tracing and shares blind-index keys with the sought names of an open tracing request of the
 * same organisation, the pair is scored by the matching engine; a likely match is recorded as a
 * candidate and the request's owner gets an alert (ids and score only, never names). Requests of
 * other organisations are not searched: a person is visible to the organisation that registered
 * them, or one it shared the record with by referral. Returns how many alerts were raised.
 */
export async function notifyTracingMatches(
  trx: Executor,
  ctx: Pick<ServiceContext, 'keys' | 'now'>,
  registration: NewRegistration,
): Promise<number> {
  if (!registration.consents.some((c) => c.purpose === 'tracing')) return 0;
  const { row } = registration;
  const names = registration.index.filter((e) => e.kind !== 'tel');
  const requestIds = await findOpenRequestIdsByIndex(trx, row.org_id, names);
  if (requestIds.length === 0) return 0;
  const identity = openIdentity(
    openPersonKey(ctx.keys, row.id, registration.wrappedKey),
    row.id,
    row.identity,
  );
  const requests = await findTracingRequestsByIds(trx, requestIds);
  const keys = await openRequestKeys(trx, ctx.keys, requestIds);
  const nowIso = ctx.now().toISOString();
  let raised = 0;
  for (const request of requests) {
    if (request.enquirer_person_id === row.id) continue;
    const secret = unseal<SoughtSecret>(keys.get(request.id), aad.sought(request.id), request.sought);
    if (!secret) continue;
    const [scored] = scoreCandidates(soughtProfileOf(request, secret), [{ row, identity }]);
    if (!scored || scored.probability < ALERT_PROBABILITY) continue;
    await upsertProposedMatch(trx, matchRow(request, scored, 'registration', nowIso));
    await raiseAlert(trx, ctx, {
      orgId: request.org_id,
      rule: MATCH_ALERT_RULE,
      entity: 'tracing_request',
      entityId: request.id,
      subjectId: row.id,
      personId: row.id,
      assignedRole: 'reunification_officer',
      assignedUserId: request.created_by,
      severity: scored.band === 'high' ? 'urgent' : 'warning',
      details: { score: scored.probability, band: scored.band, code: row.code },
    });
    raised += 1;
  }
  return raised;
}
