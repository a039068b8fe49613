import { timeOrderedId } from '../../crypto/index.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { queryIndexEntries } from '../registry/person-index.js';
import { findPersonInScope, hasCurrentConsent } from '../registry/registry.repository.js';
import { localDateOf } from './calendar.js';
import type { TracingStatus } from './reunification.enums.js';
import type { TracingRequestsTable } from './reunification.tables.js';
import { aad, newRequestKey, seal } from './reunification-crypto.js';
import {
  presentTracingRequests,
  type RelativeSecret,
  relativeSecretOf,
  type SoughtSecret,
  soughtProfileOf,
} from './tracing.presenter.js';
import {
  findTracingRequestInScope,
  insertRequestIndex,
  insertRequestKey,
  insertTracingRequest,
  listTracingRequests,
  updateTracingRequestRow,
} from './tracing.repository.js';
import type { CreateTracingRequestInput } from './tracing.schema.js';
import { soughtNames } from './tracing-matching.js';

export type TracingRequestView = Awaited<ReturnType<typeof presentTracingRequests>>[number];

/** The enquirer must agree to tracing: a registered one through their recorded consent. */
async function checkEnquirer(
  ctx: ServiceContext,
  trx: ServiceContext['db'],
  input: CreateTracingRequestInput,
) {
  if (input.enquirer.kind !== 'registered') return null;
  const person = await findPersonInScope(trx, ctx.actor, input.enquirer.personId);
  if (person?.status !== 'active') throw AppError.validation('enquirer.personId', 'no such person');
  if (!(await hasCurrentConsent(trx, person.id, 'tracing'))) {
    const message = 'this person has not consented to tracing: record their consent first';
    throw new AppError('consent_required', `enquirer.personId: ${message}`, [
      { field: 'enquirer.personId', message },
    ]);
  }
  return person;
}

/**
 * Records a tracing request in one transaction: the sought person's names sealed under the
 * request's own key, blind indexes of those names (so a later registration finds the request),
 * and the audit entry. Nothing is written when the enquirer has not consented.
 */
export async function createTracingRequest(
  ctx: ServiceContext,
  input: CreateTracingRequestInput,
  options: { isDemo?: boolean } = {},
): Promise<TracingRequestView> {
  const orgId = ctx.actor.orgId;
  if (!orgId) throw new AppError('forbidden', 'Only a user of an organisation can record tracing requests.');
  return ctx.db.transaction().execute(async (trx) => {
    const enquirerPerson = await checkEnquirer(ctx, trx, input);
    const now = ctx.now();
    const nowIso = now.toISOString();
    const id = timeOrderedId(now.getTime());
    const key = newRequestKey(ctx.keys, id);
    const { sought } = input;
    const thisYear = Number(localDateOf(now).slice(0, 4));
    const secret: SoughtSecret = {
      givenName: sought.givenName ?? null,
      familyName: sought.familyName ?? null,
      fathersName: sought.fathersName ?? null,
      originalScriptName: sought.originalScriptName ?? null,
      otherNames: sought.otherNames ?? [],
      placeOfSeparation: sought.placeOfSeparation ?? null,
      notes: sought.notes ?? null,
    };
    const outside = input.enquirer.kind === 'outside' ? input.enquirer : null;
    const row: TracingRequestsTable = {
      id,
      org_id: orgId,
      status: 'open',
      enquirer_person_id: enquirerPerson?.id ?? null,
      enquirer: outside
        ? seal(key.dataKey, aad.enquirer(id), relativeSecretOf(outside) satisfies RelativeSecret)
        : null,
      enquirer_country: outside?.country ?? null,
      enquirer_legal_status: outside?.legalStatus ?? null,
      enquirer_consent_basis: outside?.consentBasis ?? null,
      sought: seal(key.dataKey, aad.sought(id), secret),
      sought_sex: sought.sex,
      sought_birth_year: sought.birthYear ?? (sought.age !== undefined ? thisYear - sought.age : null),
      // An age given by a relative is an estimate, whatever the form said.
      sought_age_estimated: sought.age !== undefined || sought.ageEstimated ? 1 : 0,
      sought_nationality: sought.nationality ?? null,
      relationship: input.relationship,
      separated_on: sought.separatedOn ?? null,
      created_by: ctx.actor.userId,
      created_at: nowIso,
      updated_at: nowIso,
      closed_at: null,
      version: 1,
      is_demo: options.isDemo ? 1 : 0,
    };
    await insertTracingRequest(trx, row);
    await insertRequestKey(trx, id, key.wrapped, ctx.keys.version, nowIso);
    await insertRequestIndex(trx, id, queryIndexEntries(ctx.keys, soughtNames(soughtProfileOf(row, secret))));
    await recordAudit(trx, ctx, {
      action: 'tracing_request.create',
      entity: 'tracing_request',
      entityId: id,
      details: {
        enquirer: input.enquirer.kind,
        enquirerPersonId: row.enquirer_person_id,
        relationship: row.relationship,
      },
    });
    const [view] = await presentTracingRequests(trx, ctx.keys, ctx.actor, [row]);
    return view!;
  });
}

/** One request (out of scope: 404), its read audited in the same transaction. */
export async function getTracingRequest(ctx: ServiceContext, id: string): Promise<TracingRequestView> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findTracingRequestInScope(trx, ctx.actor, id);
    if (!row) throw AppError.notFound('tracing request');
    await recordAudit(trx, ctx, { action: 'tracing_request.read', entity: 'tracing_request', entityId: id });
    const [view] = await presentTracingRequests(trx, ctx.keys, ctx.actor, [row]);
    return view!;
  });
}

export async function listTracing(
  ctx: ServiceContext,
  query: { status?: TracingStatus; after?: { createdAt: string; id: string }; limit: number },
): Promise<TracingRequestView[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await listTracingRequests(
      trx,
      ctx.actor,
      { status: query.status },
      query.after,
      query.limit,
    );
    await recordAudit(trx, ctx, {
      action: 'tracing_request.list',
      entity: 'tracing_request',
      details: { count: rows.length, ids: rows.map((r) => r.id), status: query.status ?? null },
    });
    return presentTracingRequests(trx, ctx.keys, ctx.actor, rows);
  });
}

/** Closes a request (found, or given up) or reopens it; a new registration then matches it again. */
export async function setTracingStatus(
  ctx: ServiceContext,
  id: string,
  input: { status: 'open' | 'closed' },
): Promise<TracingRequestView> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findTracingRequestInScope(trx, ctx.actor, id);
    if (!row) throw AppError.notFound('tracing request');
    const closing = input.status === 'closed';
    if (closing === (row.status === 'closed')) {
      throw new AppError('invalid_state', `status: this request is already ${row.status}`, [
        { field: 'status', message: `already ${row.status}` },
      ]);
    }
    const nowIso = ctx.now().toISOString();
    const changes = { status: input.status, closed_at: closing ? nowIso : null, updated_at: nowIso };
    if (!(await updateTracingRequestRow(trx, id, row.version, changes)))
      throw new AppError('conflict', 'This request was changed by someone else; reload it.');
    await recordAudit(trx, ctx, {
      action: closing ? 'tracing_request.close' : 'tracing_request.reopen',
      entity: 'tracing_request',
      entityId: id,
    });
    const [view] = await presentTracingRequests(trx, ctx.keys, ctx.actor, [
      { ...row, ...changes, version: row.version + 1 },
    ]);
    return view!;
  });
}
