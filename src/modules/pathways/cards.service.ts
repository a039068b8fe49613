import { decryptBytes, randomId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { findOrganisationById } from '../access/access.repository.js';
import { recordAudit } from '../audit/audit.service.js';
import { openIdentities } from '../registry/people-read.js';
import { generatePersonCode } from '../registry/person-code.js';
import { bumpPersonVersion } from '../registry/registry.repository.js';
import type { PeopleTable } from '../registry/registry.tables.js';
import {
  cardCodeTaken,
  findCardsOfPeople,
  findHouseholdCodes,
  findPeopleForCards,
  insertCard,
  markPrinted,
  revokeCardRow,
} from './cards.repository.js';
import { openPersonKeys, pathwayAad } from './pathway-crypto.js';
import { personOrNotFound, requireOrg, todayFor } from './pathways.service.js';
import { type CardContent, renderCardsPdf } from './pdf/card-pdf.js';

function photoOf(row: PeopleTable, key: Buffer | undefined): Buffer | null {
  if (!row.photo || !key) return null;
  try {
    return decryptBytes(key, Buffer.from(row.photo, 'base64'), pathwayAad.photo(row.id));
  } catch {
    // A photo sealed under another convention prints as "no photo" rather than failing the batch.
    return null;
  }
}

/**
 * Checks every requested person before anything is written. In a batch, out of scope or unknown,
 * erased, merged — each answers 400 naming the position in `personIds`; for one person's card,
 * out of scope is 404 and an erased or merged record 409. Either way no card is recorded.
 */
async function printablePeople(trx: Executor, ctx: ServiceContext, ids: readonly string[], single: boolean) {
  const rows = new Map((await findPeopleForCards(trx, ctx.actor, ids)).map((r) => [r.id, r]));
  ids.forEach((id, i) => {
    const row = rows.get(id);
    const refuse = (message: string) =>
      single ? new AppError('invalid_state', message) : AppError.validation(`personIds.${i}`, message);
    if (!row) {
      if (single) throw AppError.notFound('person');
      throw AppError.validation(`personIds.${i}`, `no person ${id} in your scope`);
    }
    if (row.status === 'erased') throw refuse('this person’s record was erased: no card can be printed');
    if (row.status === 'merged')
      throw refuse(`this record was merged into ${row.merged_into}: print that one`);
  });
  return ids.map((id) => rows.get(id)!);
}

/**
 * Renders registration cards as one PDF (ten to an A4 sheet). Each print is recorded against the
 * card of the person's current code (issued on first print) and audited with ids only.
 */
export async function printCards(
  ctx: ServiceContext,
  personIds: readonly string[],
  baseUrl: string,
  options: { single?: boolean } = {},
) {
  const orgId = requireOrg(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const people = await printablePeople(trx, ctx, personIds, options.single === true);
    const [identities, keys, households, existing, org] = await Promise.all([
      openIdentities(trx, ctx.keys, people),
      openPersonKeys(trx, ctx.keys, personIds),
      findHouseholdCodes(
        trx,
        people.map((p) => p.household_id).filter((h): h is string => h !== null),
      ),
      findCardsOfPeople(trx, personIds),
      findOrganisationById(trx, orgId),
    ]);
    const now = ctx.now().toISOString();
    const printedIds: string[] = [];
    const contents: CardContent[] = [];
    for (const person of people) {
      const identity = identities.get(person.id);
      if (!identity)
        throw AppError.validation('personIds', 'a person’s record was erased: no card can be printed');
      let card = existing.find(
        (c) => c.person_id === person.id && c.code === person.code && c.status === 'active',
      );
      if (!card) {
        card = {
          id: randomId(),
          org_id: person.org_id,
          person_id: person.id,
          code: person.code,
          status: 'active',
          issued_at: now,
          issued_by: ctx.actor.userId,
          printed_count: 0,
          last_printed_at: null,
          revoked_at: null,
          revoked_by: null,
          revoke_reason: null,
        };
        await insertCard(trx, card);
      }
      printedIds.push(card.id);
      contents.push({
        code: person.code,
        latinName: [identity.givenName, identity.fathersName, identity.familyName].filter(Boolean).join(' '),
        originalScriptName: identity.originalScriptName ?? null,
        householdCode: person.household_id ? (households.get(person.household_id) ?? null) : null,
        issuingOrganisation: org?.name ?? '',
        issuedOn: card.issued_at.slice(0, 10),
        photo: photoOf(person, keys.get(person.id)),
        qrUrl: `${baseUrl}/p/${encodeURIComponent(person.code)}`,
      });
    }
    await markPrinted(trx, printedIds, now);
    await recordAudit(trx, ctx, {
      action: 'card.print',
      entity: 'person',
      entityId: personIds.length === 1 ? personIds[0]! : null,
      details: { personIds, cardIds: printedIds },
    });
    return renderCardsPdf(contents, `Registration cards ${todayFor(ctx)}`);
  });
}

/** The cards a person was issued, newest first; the read is audited. */
export async function listCards(ctx: ServiceContext, personId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const person = await personOrNotFound(trx, ctx, personId);
    const cards = await findCardsOfPeople(trx, [personId]);
    await recordAudit(trx, ctx, {
      action: 'card.list',
      entity: 'person',
      entityId: personId,
      details: { count: cards.length },
    });
    return {
      personId,
      currentCode: person.code,
      cards: cards.map((c) => ({
        id: c.id,
        code: c.code,
        status: c.status,
        issuedAt: c.issued_at,
        printedCount: c.printed_count,
        lastPrintedAt: c.last_printed_at,
        revokedAt: c.revoked_at,
        revokeReason: c.revoke_reason,
      })),
    };
  });
}

/**
 * A lost or stolen card: its code stops finding the person, and the person gets a new code (new
 * characters and check character) that no person, household or card ever carried.
 */
export async function revokeCard(ctx: ServiceContext, personId: string, reason: string) {
  requireOrg(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const person = await personOrNotFound(trx, ctx, personId);
    let code = generatePersonCode();
    while (await cardCodeTaken(trx, code)) code = generatePersonCode();
    const now = ctx.now().toISOString();
    const cards = await findCardsOfPeople(trx, [personId]);
    const current = cards.find((c) => c.code === person.code && c.status === 'active');
    if (current) await revokeCardRow(trx, current.id, ctx.actor.userId, now, reason);
    else
      await insertCard(trx, {
        id: randomId(),
        org_id: person.org_id,
        person_id: personId,
        code: person.code,
        status: 'revoked',
        issued_at: person.created_at,
        issued_by: null,
        printed_count: 0,
        last_printed_at: null,
        revoked_at: now,
        revoked_by: ctx.actor.userId,
        revoke_reason: reason,
      });
    if (!(await bumpPersonVersion(trx, personId, person.version, { code, updated_at: now })))
      throw new AppError('conflict', 'version: the person record changed meanwhile; try again');
    await insertCard(trx, {
      id: randomId(),
      org_id: person.org_id,
      person_id: personId,
      code,
      status: 'active',
      issued_at: now,
      issued_by: ctx.actor.userId,
      printed_count: 0,
      last_printed_at: null,
      revoked_at: null,
      revoked_by: null,
      revoke_reason: null,
    });
    await recordAudit(trx, ctx, {
      action: 'card.revoke',
      entity: 'person',
      entityId: personId,
      details: { reason },
    });
    return { personId, code, previousCode: person.code };
  });
}
