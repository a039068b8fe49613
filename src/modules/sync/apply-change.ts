import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { addNote } from '../cases/records.service.js';
import { NoteBody } from '../cases/work.schema.js';
import { CreateCounsellingBody } from '../information/counselling.schema.js';
import { recordSession } from '../information/counselling.service.js';
import { addHouseholdMember, createHousehold } from '../registry/households.service.js';
import { registerPerson } from '../registry/people.service.js';
import { changeConsent, changeNeeds } from '../registry/people-update.service.js';
import {
  AddMemberBody,
  ConsentChangeBody,
  CreateHouseholdBody,
  NeedsBody,
  RegisterPersonBody,
  UpdatePersonBody,
} from '../registry/registry.schema.js';
import { queueOfflineDuplicates } from './offline-duplicates.js';
import { mergePersonUpdate } from './person-merge.js';
import type { ChangeResultOut, SyncChangeInput } from './sync.schema.js';

export type Outcome = Pick<
  ChangeResultOut,
  'entity' | 'applied' | 'conflicts' | 'possibleDuplicates' | 'queuedForReview'
>;

const nothing: Omit<Outcome, 'entity'> = {
  applied: [],
  conflicts: [],
  possibleDuplicates: [],
  queuedForReview: 0,
};

/** Validates a payload with its online route's schema; a failure names the field, as online. */
function parse<T extends z.ZodType>(schema: T, payload: unknown): z.infer<T> {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys' && issue.keys[0]) path.push(issue.keys[0]);
    return { field: path.join('.') || 'payload', message: issue.message };
  });
  throw new AppError('validation_failed', `${details[0]!.field}: ${details[0]!.message}`, details);
}

function requireTarget(change: SyncChangeInput): string {
  if (!change.target) throw AppError.validation('target', 'Required for this kind of change');
  return change.target;
}

const PersonEdit = UpdatePersonBody.omit({ version: true });

/**
 * Applies one change by calling the service its online route calls, inside the caller's
 * transaction (`ctx.db` is that transaction). Local references in `target` and the payload were
 * already replaced by server ids.
 */
export async function applyChange(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  change: SyncChangeInput,
): Promise<Outcome> {
  switch (change.kind) {
    case 'person.create': {
      const input = parse(RegisterPersonBody, change.payload);
      const { view, possibleDuplicates } = await registerPerson(ctx, input);
      const queued = await queueOfflineDuplicates(trx, ctx, view.row.id, input, possibleDuplicates);
      return {
        ...nothing,
        entity: { type: 'person', id: view.row.id, code: view.row.code, version: view.row.version },
        possibleDuplicates: possibleDuplicates.map(({ explanation: _e, ...candidate }) => candidate),
        queuedForReview: queued,
      };
    }
    case 'person.update': {
      const personId = requireTarget(change);
      const merged = await mergePersonUpdate(
        trx,
        ctx,
        personId,
        parse(PersonEdit, change.payload),
        change.baseVersion,
        change.base,
      );
      return {
        ...nothing,
        entity: { type: 'person', id: personId, code: merged.code, version: merged.version },
        applied: merged.applied,
        conflicts: merged.conflicts,
      };
    }
    case 'person.needs':
    case 'person.consent': {
      const personId = requireTarget(change);
      const view =
        change.kind === 'person.needs'
          ? await changeNeeds(ctx, personId, parse(NeedsBody, change.payload))
          : await changeConsent(ctx, personId, parse(ConsentChangeBody, change.payload));
      return {
        ...nothing,
        entity: { type: 'person', id: personId, code: view.row.code, version: view.row.version },
      };
    }
    case 'household.create': {
      const household = await createHousehold(ctx, parse(CreateHouseholdBody, change.payload));
      return {
        ...nothing,
        entity: { type: 'household', id: household.id, code: household.code, version: null },
      };
    }
    case 'household.member': {
      const householdId = requireTarget(change);
      const household = await addHouseholdMember(ctx, householdId, parse(AddMemberBody, change.payload));
      return {
        ...nothing,
        entity: { type: 'household', id: household.id, code: household.code, version: null },
      };
    }
    case 'counselling.create': {
      const { row } = await recordSession(ctx, parse(CreateCounsellingBody, change.payload));
      return { ...nothing, entity: { type: 'counselling_session', id: row.id, code: null, version: null } };
    }
    case 'case.note': {
      const caseId = requireTarget(change);
      await addNote(ctx, caseId, parse(NoteBody, change.payload).text);
      return { ...nothing, entity: { type: 'case', id: caseId, code: null, version: null } };
    }
  }
}

/** Where a change may hold a reference to a record: its target and these payload fields. */
export const REFERENCE_FIELDS = ['householdId', 'personId'] as const;
