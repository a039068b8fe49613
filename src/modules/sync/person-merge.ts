import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { loadPersonViews } from '../registry/people-read.js';
import { updatePerson } from '../registry/people-update.service.js';
import { forbiddenWrites } from '../registry/registry.policy.js';
import { presentPerson } from '../registry/registry.presenter.js';
import { findPersonInScope } from '../registry/registry.repository.js';
import type { UpdatePersonInput } from '../registry/registry.schema.js';
import type { FieldConflictOut } from './sync.schema.js';

const LIST_FIELDS = new Set(['otherNames', 'documents', 'languages']);

/** JSON with sorted object keys, so that two equal values compare equal whatever their key order. */
function canonical(field: string, value: unknown): string {
  const normalised = value ?? (LIST_FIELDS.has(field) ? [] : null);
  return JSON.stringify(normalised, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

export interface MergeOutcome {
  applied: string[];
  conflicts: FieldConflictOut[];
  version: number;
  code: string;
}

/**
 * Applies an offline edit field by field (a three-way merge; never last-write-wins):
 * - the server still holds the value the device started from (`base`, or nothing changed since
 *   `baseVersion`) → the device's value is applied;
 * - the server already holds the device's value → nothing to do;
 * - otherwise someone else changed that field too → a conflict, left for a person to resolve.
 * The applied fields go through updatePerson, with its rules, history and audit entry.
 */
export async function mergePersonUpdate(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  personId: string,
  input: Omit<UpdatePersonInput, 'version'>,
  baseVersion: number | undefined,
  base: Record<string, unknown> | undefined,
): Promise<MergeOutcome> {
  const fields = Object.keys(input).filter((f) => (input as Record<string, unknown>)[f] !== undefined);
  const forbidden = forbiddenWrites(ctx.actor, fields);
  if (forbidden.length > 0) {
    throw new AppError(
      'field_forbidden',
      `${forbidden[0]}: your role may not change this field`,
      forbidden.map((field) => ({ field, message: 'your role may not change this field' })),
    );
  }
  const row = await findPersonInScope(trx, ctx.actor, personId);
  if (row?.status !== 'active') throw AppError.notFound('person');
  const [view] = await loadPersonViews(trx, ctx.keys, [row]);
  const theirs = presentPerson(view!, ctx.actor, ctx.now()) as Record<string, unknown>;
  const unchangedSince = baseVersion !== undefined && baseVersion === row.version;
  const apply: Record<string, unknown> = {};
  const conflicts: FieldConflictOut[] = [];
  for (const field of fields) {
    const mine = (input as Record<string, unknown>)[field];
    const current = theirs[field];
    if (canonical(field, current) === canonical(field, mine)) continue;
    const hasBase = base !== undefined && Object.hasOwn(base, field);
    if (unchangedSince || (hasBase && canonical(field, base[field]) === canonical(field, current))) {
      apply[field] = mine;
    } else {
      conflicts.push({ field, base: hasBase ? (base[field] ?? null) : null, mine, theirs: current ?? null });
    }
  }
  if (Object.keys(apply).length === 0) {
    return { applied: [], conflicts, version: row.version, code: row.code };
  }
  const updated = await updatePerson(ctx, personId, { ...apply, version: row.version } as UpdatePersonInput);
  return { applied: Object.keys(apply), conflicts, version: updated.row.version, code: row.code };
}
