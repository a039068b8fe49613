import { encryptJson, timeOrderedId } from '../../crypto/index.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { proposeCaseForNeeds } from '../cases/proposals.js';
import { loadPersonViews } from './people-read.js';
import { historyAad, type Identity, openIdentity, openPersonKey, sealIdentity } from './person-identity.js';
import { personIndexEntries } from './person-index.js';
import { forbiddenWrites } from './registry.policy.js';
import type { PersonView } from './registry.presenter.js';
import {
  bumpPersonVersion,
  findActiveNeeds,
  findPersonInScope,
  findPersonKeys,
  insertConsents,
  insertHistory,
  insertNeeds,
  removeNeeds,
  replacePersonIndex,
  siteExists,
  withdrawConsents,
} from './registry.repository.js';
import type { UpdatePersonInput } from './registry.schema.js';
import type { ConsentsTable, PeopleTable } from './registry.tables.js';
import { findNeed } from './specific-needs.js';

const IDENTITY_FIELDS = [
  'givenName',
  'familyName',
  'fathersName',
  'originalScriptName',
  'otherNames',
  'birthDate',
  'phone',
  'placeOfOrigin',
  'documents',
  'notes',
] as const;
const INDEXED_FIELDS = new Set([
  'givenName',
  'familyName',
  'fathersName',
  'originalScriptName',
  'otherNames',
  'phone',
]);

function assertWritable(ctx: ServiceContext, fields: string[]): void {
  const forbidden = forbiddenWrites(ctx.actor, fields);
  if (forbidden.length > 0) {
    throw new AppError(
      'field_forbidden',
      `${forbidden[0]}: your role may not change this field`,
      forbidden.map((field) => ({ field, message: 'your role may not change this field' })),
    );
  }
}

/**
 * Edits a person: field-group write rules (403 naming the field), optimistic version check
 * (409), encrypted before/after values in the history, re-indexing when a name changes.
 */
export async function updatePerson(
  ctx: ServiceContext,
  id: string,
  input: UpdatePersonInput,
): Promise<PersonView> {
  const fields = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
  assertWritable(ctx, fields);
  const now = ctx.now().toISOString();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const current = await findPersonInScope(trx, ctx.actor, id);
    if (current?.status !== 'active') throw AppError.notFound('person');
    if (input.version !== undefined && input.version !== current.version) {
      throw new AppError(
        'conflict',
        `version: the record changed since you read it (now version ${current.version}); reload and reapply your change`,
        [{ field: 'version', message: `current version is ${current.version}` }],
      );
    }
    if (input.siteId && !(await siteExists(trx, input.siteId)))
      throw AppError.validation('siteId', 'no such site');
    const wrapped = (await findPersonKeys(trx, [id])).get(id);
    if (!wrapped) throw AppError.notFound('person');
    const dataKey = openPersonKey(ctx.keys, id, wrapped);
    const before = openIdentity(dataKey, id, current.identity);
    const after: Identity = { ...before };
    const change: Record<string, [unknown, unknown]> = {};
    for (const field of IDENTITY_FIELDS) {
      const value = input[field];
      if (value === undefined) continue;
      const normalised = value ?? (field === 'otherNames' || field === 'documents' ? [] : null);
      if (JSON.stringify(before[field] ?? null) !== JSON.stringify(normalised)) {
        change[field] = [before[field] ?? null, normalised];
        (after as unknown as Record<string, unknown>)[field] = normalised;
      }
    }
    const plain: Partial<PeopleTable> = {};
    const setPlain = <K extends keyof PeopleTable>(field: string, column: K, value: PeopleTable[K]) => {
      if (current[column] !== value) {
        change[field] = [current[column], value];
        plain[column] = value;
      }
    };
    if (input.sex !== undefined) setPlain('sex', 'sex', input.sex);
    if (input.birthDate) setPlain('birthYear', 'birth_year', Number(input.birthDate.slice(0, 4)));
    else if (input.birthYear !== undefined) setPlain('birthYear', 'birth_year', input.birthYear);
    if (input.ageEstimated !== undefined)
      setPlain('ageEstimated', 'age_estimated', input.ageEstimated ? 1 : 0);
    if (input.nationality !== undefined) setPlain('nationality', 'nationality', input.nationality);
    if (input.languages !== undefined) setPlain('languages', 'languages', JSON.stringify(input.languages));
    if (input.siteId !== undefined) setPlain('siteId', 'site_id', input.siteId);
    const changed = Object.keys(change);
    if (changed.length === 0) return current;

    const identityChanged = IDENTITY_FIELDS.some((f) => f in change);
    const updated = await bumpPersonVersion(trx, id, current.version, {
      ...plain,
      ...(identityChanged ? { identity: sealIdentity(dataKey, id, after) } : {}),
      updated_at: now,
    });
    if (!updated)
      throw new AppError(
        'conflict',
        'version: the record changed while you were saving; reload and reapply your change',
      );
    if (changed.some((f) => INDEXED_FIELDS.has(f)))
      await replacePersonIndex(trx, id, personIndexEntries(ctx.keys, after));
    const historyId = timeOrderedId(ctx.now().getTime());
    await insertHistory(trx, {
      id: historyId,
      person_id: id,
      changed_by: ctx.actor.userId,
      changed_at: now,
      fields: JSON.stringify(changed),
      change: encryptJson(dataKey, change, historyAad(id, historyId)),
    });
    await recordAudit(trx, ctx, {
      action: 'person.update',
      entity: 'person',
      entityId: id,
      details: { fields: changed },
    });
    return (await findPersonInScope(trx, ctx.actor, id))!;
  });
  const [view] = await loadPersonViews(ctx.db, ctx.keys, [row]);
  return view!;
}

export async function changeNeeds(
  ctx: ServiceContext,
  id: string,
  input: { add?: string[]; remove?: string[] },
): Promise<PersonView> {
  assertWritable(ctx, ['specificNeeds']);
  const now = ctx.now().toISOString();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const person = await findPersonInScope(trx, ctx.actor, id);
    if (person?.status !== 'active') throw AppError.notFound('person');
    const current = new Set((await findActiveNeeds(trx, [id])).map((n) => n.code));
    const toAdd = [...new Set(input.add ?? [])].filter((code) => !current.has(code));
    const toRemove = [...new Set(input.remove ?? [])].filter((code) => current.has(code));
    await removeNeeds(trx, id, toRemove, ctx.actor.userId, now);
    await insertNeeds(
      trx,
      toAdd.map((code) => ({
        id: timeOrderedId(ctx.now().getTime()),
        person_id: id,
        org_id: person.org_id,
        code,
        category: findNeed(code)?.category ?? code.slice(0, 2),
        noted_by: ctx.actor.userId,
        noted_at: now,
        removed_by: null,
        removed_at: null,
      })),
    );
    await recordAudit(trx, ctx, {
      action: 'person.needs_update',
      entity: 'person',
      entityId: id,
      details: { added: toAdd, removed: toRemove },
    });
    await proposeCaseForNeeds(trx, ctx, person, toAdd);
    return person;
  });
  const [view] = await loadPersonViews(ctx.db, ctx.keys, [row]);
  return view!;
}

/** Gives or withdraws consent per purpose; withdrawal keeps the history and takes effect at once. */
export async function changeConsent(
  ctx: ServiceContext,
  id: string,
  input: {
    basis?: ConsentsTable['basis'];
    give?: ConsentsTable['purpose'][];
    withdraw?: ConsentsTable['purpose'][];
  },
): Promise<PersonView> {
  assertWritable(ctx, ['consent']);
  if ((input.give?.length ?? 0) > 0 && !input.basis)
    throw AppError.validation('basis', 'Required when giving consent');
  const overlap = (input.give ?? []).filter((p) => (input.withdraw ?? []).includes(p));
  if (overlap.length > 0)
    throw AppError.validation('withdraw', `cannot give and withdraw ${overlap[0]} at once`);
  const now = ctx.now().toISOString();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const person = await findPersonInScope(trx, ctx.actor, id);
    if (person?.status !== 'active') throw AppError.notFound('person');
    const give = [...new Set(input.give ?? [])];
    // Giving again replaces the current grant, so the basis on record is always the latest.
    await withdrawConsents(trx, id, [...give, ...(input.withdraw ?? [])], ctx.actor.userId, now);
    await insertConsents(
      trx,
      give.map((purpose) => ({
        id: timeOrderedId(ctx.now().getTime()),
        person_id: id,
        org_id: person.org_id,
        purpose,
        basis: input.basis!,
        recorded_by: ctx.actor.userId,
        recorded_at: now,
        withdrawn_by: null,
        withdrawn_at: null,
      })),
    );
    await recordAudit(trx, ctx, {
      action: 'person.consent_update',
      entity: 'person',
      entityId: id,
      details: { given: give, withdrawn: input.withdraw ?? [], basis: input.basis ?? null },
    });
    return person;
  });
  const [view] = await loadPersonViews(ctx.db, ctx.keys, [row]);
  return view!;
}
