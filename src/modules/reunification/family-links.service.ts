import { timeOrderedId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPersonInScope } from '../registry/registry.repository.js';
import type { Kinship, LegalStatus } from './reunification.enums.js';
import type { NewRelativeInput } from './reunification.schema.js';
import type { FamilyLinksTable } from './reunification.tables.js';
import { aad, requirePersonKey, seal } from './reunification-crypto.js';
import { presentFamilyLinks, type RelativeSecret, relativeSecretOf } from './tracing.presenter.js';
import { findFamilyLinksOfPerson, insertFamilyLink } from './tracing.repository.js';

export type FamilyLinkView = Awaited<ReturnType<typeof presentFamilyLinks>>[number];

export interface LinkFacts {
  personId: string;
  orgId: string;
  relativePersonId: string | null;
  kinship: Kinship;
  country: string | null;
  legalStatus: LegalStatus | null;
  details: RelativeSecret | null;
  tracingRequestId: string | null;
}

/** Writes one family link inside the caller's transaction, the relative's details sealed with the person's key. */
export async function writeFamilyLink(
  trx: Executor,
  ctx: Pick<ServiceContext, 'keys' | 'now' | 'actor'>,
  facts: LinkFacts,
): Promise<FamilyLinksTable> {
  const id = timeOrderedId(ctx.now().getTime());
  const key = await requirePersonKey(trx, ctx.keys, facts.personId);
  const row: FamilyLinksTable = {
    id,
    org_id: facts.orgId,
    person_id: facts.personId,
    relative_person_id: facts.relativePersonId,
    kinship: facts.kinship,
    country: facts.country,
    legal_status: facts.legalStatus,
    details: facts.details ? seal(key, aad.familyLink(id), facts.details) : null,
    tracing_request_id: facts.tracingRequestId,
    created_by: ctx.actor.userId,
    created_at: ctx.now().toISOString(),
  };
  await insertFamilyLink(trx, row);
  return row;
}

/** A relative typed in a form (or a registered one) as link facts; `field` names the input in errors. */
export async function linkFactsOf(
  trx: Executor,
  ctx: ServiceContext,
  personId: string,
  relative: NewRelativeInput,
  field: string,
): Promise<LinkFacts> {
  if (relative.relativePersonId) {
    if (relative.relativePersonId === personId)
      throw AppError.validation(`${field}.relativePersonId`, 'a person is not their own relative');
    const registered = await findPersonInScope(trx, ctx.actor, relative.relativePersonId);
    if (registered?.status !== 'active')
      throw AppError.validation(`${field}.relativePersonId`, 'no such person');
  }
  const { relativePersonId, kinship, country, legalStatus, ...details } = relative;
  return {
    personId,
    orgId: ctx.actor.orgId ?? '',
    relativePersonId: relativePersonId ?? null,
    kinship,
    country,
    legalStatus,
    details: relativeSecretOf(details),
    tracingRequestId: null,
  };
}

async function personInScope(trx: Executor, ctx: ServiceContext, personId: string) {
  const person = await findPersonInScope(trx, ctx.actor, personId);
  if (!person) throw AppError.notFound('person');
  return person;
}

/** Records a confirmed relationship with a relative, here or abroad. */
export async function createFamilyLink(
  ctx: ServiceContext,
  personId: string,
  input: NewRelativeInput,
): Promise<FamilyLinkView> {
  if (!ctx.actor.orgId)
    throw new AppError('forbidden', 'Only a user of an organisation can record family links.');
  return ctx.db.transaction().execute(async (trx) => {
    const person = await personInScope(trx, ctx, personId);
    if (person.status !== 'active')
      throw new AppError('invalid_state', 'This person record is no longer active.');
    const row = await writeFamilyLink(trx, ctx, await linkFactsOf(trx, ctx, personId, input, 'body'));
    await recordAudit(trx, ctx, {
      action: 'family_link.create',
      entity: 'person',
      entityId: personId,
      details: { familyLinkId: row.id, kinship: row.kinship, country: row.country },
    });
    const [view] = await presentFamilyLinks(trx, ctx.keys, [row]);
    return view!;
  });
}

/** A person's relatives (their whereabouts decrypted), the read audited. */
export async function listFamilyLinks(ctx: ServiceContext, personId: string): Promise<FamilyLinkView[]> {
  return ctx.db.transaction().execute(async (trx) => {
    await personInScope(trx, ctx, personId);
    const links = await findFamilyLinksOfPerson(trx, personId);
    await recordAudit(trx, ctx, {
      action: 'family_link.read',
      entity: 'person',
      entityId: personId,
      details: { count: links.length },
    });
    return presentFamilyLinks(trx, ctx.keys, links);
  });
}
