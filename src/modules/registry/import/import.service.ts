/**
 * Imports people from a CSV file (KoBo/ODK exports, spreadsheets). Every person is written by
 * preparePerson/persistPerson, so an imported record has the same encryption, blind indexes,
 * needs, consent, audit entry and child-alone alert as one registered through the form.
 *
 * Two passes. The first (planImport) checks every row and writes nothing: it is the whole of a
 * dry run. Then:
 * - all-or-nothing (the default): when any row has a problem nothing is written (400 listing each
 *   line and field); otherwise every row is written in ONE transaction, so a failure half-way
 *   (disk full, a killed process) leaves nothing written either;
 * - valid-only: the rows without problems are written in batched transactions (500 people each,
 *   a household never split), so a large file does not hold the database's write lock for
 *   minutes; a failure half-way keeps the batches already committed, and the error says how many.
 * Possible duplicates are not searched row by row here: the matching module's review queue
 * compares imported people with the registry.
 */
import { timeOrderedId } from '../../../crypto/index.js';
import type { Executor } from '../../../db/engine.js';
import { refreshPlannerStatistics } from '../../../db/maintenance.js';
import type { ServiceContext } from '../../../server/context.js';
import { AppError } from '../../../server/errors.js';
import { recordAudit, recordAuditAlone } from '../../audit/audit.service.js';
import { insertHousehold } from '../households.repository.js';
import { persistPerson, preparePerson } from '../people.service.js';
import { generatePersonCode } from '../person-code.js';
import { ageOf } from '../registry.presenter.js';
import type { Delimiter } from './csv-parser.js';
import { findTakenCodes } from './import.repository.js';
import type { ImportReport } from './import.schema.js';
import { type ImportPlan, type ImportUnit, planImport } from './import-plan.js';

export interface ImportOptions {
  mapping?: Readonly<Record<string, string | null>>;
  delimiter?: Delimiter;
  dryRun?: boolean;
  validOnly?: boolean;
  /** Refuse files with more data rows (the API's synchronous limit). */
  maxRows?: number;
  /** People per transaction in valid-only mode. */
  batchSize?: number;
  onProgress?: (stage: 'checked' | 'written', done: number, total: number) => void;
}

type Created = ImportReport['created'][number];

export async function importPeople(
  ctx: ServiceContext,
  csv: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const orgId = ctx.actor.orgId;
  if (!orgId) throw new AppError('forbidden', 'Only a user of an organisation can import people.');
  const plan = await planImport(ctx.db, csv, {
    mapping: options.mapping,
    delimiter: options.delimiter,
    maxRows: options.maxRows,
    now: ctx.now(),
    onProgress: (done, total) => options.onProgress?.('checked', done, total),
  });
  const report = reportOf(plan, options);
  if (options.dryRun) return report;
  if (plan.missing.length > 0) {
    throw AppError.validation('mapping', `no column gives ${plan.missing.join(', ')}: map a column to each`);
  }
  if (plan.issues.length > 0 && !options.validOnly) throw new ImportRefusedError(report);

  const importId = timeOrderedId(ctx.now().getTime());
  const created: Created[] = [];
  const total = plan.validCount;
  const progress = () => options.onProgress?.('written', created.length, total);
  const summary = (households: number) => ({
    importId,
    rows: plan.rowCount,
    written: created.length,
    skipped: plan.rowCount - created.length,
    households,
    validOnly: Boolean(options.validOnly),
  });
  let households = 0;
  if (!options.validOnly) {
    await ctx.db.transaction().execute(async (trx) => {
      const codes = await allocateCodes(trx, codesNeeded(plan.units));
      for (const unit of plan.units)
        households += await writeUnit(trx, ctx, orgId, unit, { importId, codes }, created, progress);
      await recordAudit(trx, ctx, {
        action: 'person.import',
        entity: 'person',
        details: summary(households),
      });
    });
  } else {
    for (const batch of batches(plan.units, options.batchSize ?? 500)) {
      // Rows of a batch count as written only once its transaction has committed.
      const inBatch: Created[] = [];
      try {
        await ctx.db.transaction().execute(async (trx) => {
          let batchHouseholds = 0;
          const codes = await allocateCodes(trx, codesNeeded(batch));
          for (const unit of batch)
            batchHouseholds += await writeUnit(trx, ctx, orgId, unit, { importId, codes }, inBatch, () =>
              options.onProgress?.('written', created.length + inBatch.length, total),
            );
          households += batchHouseholds;
        });
      } catch (error) {
        const stopped = new AppError(
          'internal',
          `the import stopped after writing ${created.length} of ${total} people (import ${importId}); the rest were not written`,
        );
        throw Object.assign(stopped, { cause: error });
      }
      created.push(...inBatch);
    }
    await recordAuditAlone(ctx.db, ctx, {
      action: 'person.import',
      entity: 'person',
      details: summary(households),
    });
    await refreshPlannerStatistics(ctx.db);
  }
  return { ...report, written: created.length, households, created };
}

function reportOf(plan: ImportPlan, options: ImportOptions): ImportReport {
  return {
    dryRun: Boolean(options.dryRun),
    validOnly: Boolean(options.validOnly),
    delimiter: plan.table.delimiter,
    columns: [...plan.mapping.entries()].map(([name, target]) => ({ name, target })),
    missingFields: plan.missing,
    notes: plan.notes,
    rows: plan.rowCount,
    valid: plan.validCount,
    invalid: plan.missing.length > 0 ? 0 : plan.rowCount - plan.validCount,
    written: 0,
    households: 0,
    errors: plan.issues,
    created: [],
  };
}

/**
 * 400 naming the first line and field in its message and every problem in its details; it carries
 * the full report for the CLI, which prints it as a report rather than as one error.
 */
export class ImportRefusedError extends AppError {
  constructor(readonly report: ImportReport) {
    const first = report.errors[0]!;
    const lines = new Set(report.errors.map((i) => i.line)).size;
    super(
      'validation_failed',
      `line ${first.line}, ${first.field}: ${first.message} (${lines} ${lines === 1 ? 'row has' : 'rows have'} problems; nothing was written)`,
      report.errors.map((i) => ({
        field: `lines.${i.line}.${i.field}`,
        message: `line ${i.line}${i.column ? ` (column "${i.column}")` : ''}: ${i.message}`,
      })),
    );
  }
}

function* batches(units: ImportUnit[], size: number): Generator<ImportUnit[]> {
  let batch: ImportUnit[] = [];
  let people = 0;
  for (const unit of units) {
    batch.push(unit);
    people += unit.members.length;
    if (people >= size) {
      yield batch;
      batch = [];
      people = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

const codesNeeded = (units: ImportUnit[]) =>
  units.reduce((n, unit) => n + unit.members.length + (unit.household === null ? 0 : 1), 0);

/**
 * Card codes for a batch in a few queries, where uniqueCode() asks twice per person: on
 * PostgreSQL the round trips, not the encryption, are most of an import's time.
 */
async function allocateCodes(trx: Executor, count: number): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < count) {
    const fresh = new Set<string>();
    while (fresh.size < count - codes.size) {
      const code = generatePersonCode();
      if (!codes.has(code)) fresh.add(code);
    }
    const taken = await findTakenCodes(trx, [...fresh]);
    for (const code of fresh) if (!taken.has(code)) codes.add(code);
  }
  return [...codes];
}

/** Writes one person or one household with its members; returns the number of households created. */
async function writeUnit(
  trx: Executor,
  ctx: ServiceContext,
  orgId: string,
  unit: ImportUnit,
  run: { importId: string; codes: string[] },
  created: Created[],
  progress: () => void,
): Promise<number> {
  const { importId, codes } = run;
  const now = ctx.now();
  const nowIso = now.toISOString();
  let householdId: string | undefined;
  if (unit.household !== null) {
    householdId = timeOrderedId(now.getTime());
    await insertHousehold(trx, {
      id: householdId,
      org_id: orgId,
      code: codes.pop()!,
      site_id: unit.members[0]?.input.siteId ?? null,
      is_demo: 0,
      created_by: ctx.actor.userId,
      created_at: nowIso,
      updated_at: nowIso,
    });
    await recordAudit(trx, ctx, {
      action: 'household.create',
      entity: 'household',
      entityId: householdId,
      details: { importId },
    });
  }
  const isAdult = ({ input }: ImportUnit['members'][number]) => {
    const birthYear = input.birthDate ? Number(input.birthDate.slice(0, 4)) : (input.birthYear ?? null);
    return (ageOf(birthYear, input.birthDate, now) ?? 0) >= 18;
  };
  const hasAdultInHousehold = householdId !== undefined && unit.members.some(isAdult);
  for (const member of unit.members) {
    const input = householdId
      ? { ...member.input, householdId, relationship: member.relationship ?? undefined }
      : member.input;
    const prepared = preparePerson(ctx, input, {
      id: timeOrderedId(now.getTime()),
      code: codes.pop()!,
      orgId,
      hasAdultInHousehold,
    });
    await persistPerson(trx, ctx, prepared, { importId, line: member.line });
    created.push({ line: member.line, personId: prepared.row.id, code: prepared.row.code });
    progress();
  }
  return householdId ? 1 : 0;
}
