import { randomId, timeOrderedId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { scopeToActor } from '../access/scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPersonInScope } from '../registry/registry.repository.js';
import { openPersonKeys, pathwayAad, requirePersonKey, sealText } from './pathway-crypto.js';
import { pathwayActions } from './pathways.policy.js';
import { presentPathway, presentProcedure } from './pathways.presenter.js';
import {
  counsellingSessionOfOrg,
  endPathway,
  findCurrentPathway,
  findDocuments,
  findEvents,
  findOpenProcedure,
  findPathwaysOfPerson,
  findProceduresOfPerson,
  insertPathway,
  insertProcedure,
} from './pathways.repository.js';
import type { ChoosePathwayInput, OpenProcedureInput } from './pathways.schema.js';
import type { ProceduresTable } from './pathways.tables.js';
import { syncProcedureAlerts, zoneOf } from './procedure-alerts.js';
import { addDays, localDateOf } from './rules/legal-calendar.js';

/** Today in the procedure country's zone; one day of slack for "not in the future" checks. */
export function todayFor(ctx: ServiceContext, country = 'FRA') {
  return localDateOf(ctx.now(), zoneOf(country, ctx.now()));
}
export function latestAllowedDate(ctx: ServiceContext, country = 'FRA') {
  return addDays(todayFor(ctx, country), 1);
}

export async function personOrNotFound(trx: Executor, ctx: ServiceContext, personId: string) {
  const person = await findPersonInScope(trx, ctx.actor, personId);
  if (!person) throw AppError.notFound('person');
  return person;
}

export function requireOrg(ctx: ServiceContext): string {
  if (!ctx.actor.orgId) throw new AppError('forbidden', 'Only a user of an organisation can do this.');
  return ctx.actor.orgId;
}

async function checkCounsellingSession(
  trx: Executor,
  orgId: string,
  personId: string,
  id: string,
  on: string,
) {
  const session = await counsellingSessionOfOrg(trx, orgId, id, personId);
  if (!session)
    throw AppError.validation(
      'counsellingSessionId',
      `no counselling session ${id} of this person in your organisation`,
    );
  if (session.held_on > on)
    throw AppError.validation('since', `must be on or after the counselling session (${session.held_on})`);
}

async function checkReunificationCase(trx: Executor, ctx: ServiceContext, personId: string, id: string) {
  const found = await scopeToActor(
    trx.selectFrom('reunification_cases').select('reunification_cases.id'),
    ctx.actor,
    'reunification_cases',
    'reunification_case',
  )
    .where('reunification_cases.id', '=', id)
    .where('reunification_cases.person_id', '=', personId)
    .executeTakeFirst();
  if (!found) throw AppError.validation('reunificationCaseId', `no reunification case ${id} of this person`);
}

/**
 * Records the route a person is now on: the current one ends the day the new one starts, so the
 * history reads as an unbroken line. Choosing the same route again is a conflict, not a new row.
 */
export async function choosePathway(ctx: ServiceContext, personId: string, input: ChoosePathwayInput) {
  const orgId = requireOrg(ctx);
  const since = input.since ?? todayFor(ctx);
  if (since > latestAllowedDate(ctx)) throw AppError.validation('since', 'must not be in the future');
  if (input.reunificationCaseId && input.route !== 'family_reunification')
    throw AppError.validation('reunificationCaseId', 'only for the family_reunification route');
  return ctx.db.transaction().execute(async (trx) => {
    await personOrNotFound(trx, ctx, personId);
    const key = await requirePersonKey(trx, ctx.keys, personId);
    if (input.counsellingSessionId)
      await checkCounsellingSession(trx, orgId, personId, input.counsellingSessionId, since);
    if (input.reunificationCaseId)
      await checkReunificationCase(trx, ctx, personId, input.reunificationCaseId);
    const current = await findCurrentPathway(trx, orgId, personId);
    if (current?.route === input.route)
      throw new AppError(
        'conflict',
        `route: the person is already on the ${input.route} route (since ${current.started_on})`,
      );
    if (current && since < current.started_on)
      throw AppError.validation(
        'since',
        `must be on or after the start of the current route (${current.started_on})`,
      );
    if (current) await endPathway(trx, current.id, since);
    const id = timeOrderedId(ctx.now().getTime());
    await insertPathway(trx, {
      id,
      org_id: orgId,
      person_id: personId,
      route: input.route,
      started_on: since,
      ended_on: null,
      is_current: 1,
      counselling_session_id: input.counsellingSessionId ?? null,
      reunification_case_id: input.reunificationCaseId ?? null,
      notes: sealText(key, pathwayAad.pathwayNotes(id), input.notes),
      is_demo: 0,
      created_by: ctx.actor.userId,
      created_at: ctx.now().toISOString(),
    });
    await recordAudit(trx, ctx, {
      action: 'pathway.choose',
      entity: 'person',
      entityId: personId,
      details: { pathwayId: id, route: input.route, previousRoute: current?.route ?? null },
    });
    const [row] = (await findPathwaysOfPerson(trx, ctx.actor, personId)).filter((p) => p.id === id);
    return presentPathway(row!, key);
  });
}

/** Everything about a person's legal pathway the actor's organisation holds; the read is audited. */
export async function getPersonPathways(ctx: ServiceContext, personId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    await personOrNotFound(trx, ctx, personId);
    const [pathways, procedures] = await Promise.all([
      findPathwaysOfPerson(trx, ctx.actor, personId),
      findProceduresOfPerson(trx, ctx.actor, personId),
    ]);
    const ids = procedures.map((p) => p.id);
    const [events, documents, keys] = await Promise.all([
      findEvents(trx, ids),
      findDocuments(trx, ids),
      openPersonKeys(trx, ctx.keys, [personId]),
    ]);
    const key = keys.get(personId);
    await recordAudit(trx, ctx, {
      action: 'pathway.read',
      entity: 'person',
      entityId: personId,
      details: { pathways: pathways.length, procedures: ids },
    });
    const presented = pathways.map((p) => presentPathway(p, key));
    return {
      personId,
      current: presented.find((p) => p.current) ?? null,
      history: presented,
      procedures: procedures.map((p) => presentProcedure(p, events, documents, key, ctx.actor, ctx.now())),
      allowed: pathwayActions(ctx.actor),
    };
  });
}

/** Opens an asylum or voluntary-return procedure: one open procedure of each kind per person. */
export async function openProcedure(ctx: ServiceContext, personId: string, input: OpenProcedureInput) {
  const orgId = requireOrg(ctx);
  if (input.kind === 'asylum' && !input.procedureType)
    throw AppError.validation(
      'procedureType',
      'Required for an asylum procedure: normal, accelerated or dublin',
    );
  if (input.kind === 'voluntary_return' && input.procedureType)
    throw AppError.validation('procedureType', 'a voluntary return has no asylum procedure type');
  if (input.kind === 'asylum' && input.destinationCountry)
    throw AppError.validation('destinationCountry', 'only for a voluntary return');
  return ctx.db.transaction().execute(async (trx) => {
    await personOrNotFound(trx, ctx, personId);
    const key = await requirePersonKey(trx, ctx.keys, personId);
    if (await findOpenProcedure(trx, orgId, personId, input.kind))
      throw new AppError('conflict', `kind: this person already has an open ${input.kind} procedure`);
    const now = ctx.now().toISOString();
    const row: ProceduresTable = {
      id: randomId(),
      org_id: orgId,
      person_id: personId,
      pathway_id: (await findCurrentPathway(trx, orgId, personId))?.id ?? null,
      kind: input.kind,
      procedure_type: input.kind === 'asylum' ? input.procedureType! : 'return',
      country: input.country,
      status: 'open',
      outcome: null,
      followed_by: ctx.actor.userId,
      destination_country: input.destinationCountry ?? null,
      version: 1,
      is_demo: 0,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    };
    await insertProcedure(trx, row);
    await syncProcedureAlerts(trx, ctx, row);
    await recordAudit(trx, ctx, {
      action: 'procedure.open',
      entity: 'procedure',
      entityId: row.id,
      details: { personId, kind: row.kind, procedureType: row.procedure_type, country: row.country },
    });
    return presentProcedure(row, [], [], key, ctx.actor, ctx.now());
  });
}
