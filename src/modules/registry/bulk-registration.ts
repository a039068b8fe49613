import { timeOrderedId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import { refreshPlannerStatistics } from '../../db/maintenance.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudits } from '../audit/audit.service.js';
import { type PreparedPerson, persistPeople, preparePerson } from './people.service.js';
import { generatePersonCode } from './person-code.js';
import type { GeneratedPopulation } from './population-generator.js';
import { findTakenCodes, insertRowsInChunks } from './registry.repository.js';
import type { RegisterPersonInput } from './registry.schema.js';
import type { HouseholdsTable } from './registry.tables.js';

export interface BulkOptions {
  isDemo?: boolean;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Refresh the planner's statistics at the end (default). A caller that registers in many calls
   * turns it off and refreshes once: ANALYZE after each of a thousand slices made a million-person
   * benchmark several times slower.
   */
  refreshStatistics?: boolean;
}

type Unit =
  | { household: null; members: RegisterPersonInput[] }
  | { household: string; members: RegisterPersonInput[] };

/**
 * Registers a whole population (demo seed, benchmarks) in batched transactions, each person with
 * the same rows, audit entry and alerts as a single registration. Codes are drawn without a
 * database round trip per person; the unique index catches the rare collision and the batch is
 * retried with new codes.
 */
export async function bulkRegister(
  ctx: ServiceContext,
  population: GeneratedPopulation,
  options: BulkOptions = {},
): Promise<number> {
  const orgId = ctx.actor.orgId;
  if (!orgId) throw new AppError('forbidden');
  const units: Unit[] = [
    ...population.singles.map((p) => ({ household: null, members: [p] }) as Unit),
    ...population.households.map((h) => ({ household: 'new', members: h.members }) as Unit),
  ];
  const total = units.reduce((n, u) => n + u.members.length, 0);
  const batchSize = options.batchSize ?? 500;
  let done = 0;
  let batch: Unit[] = [];
  const flush = async () => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await writeBatch(ctx, orgId, batch, options.isDemo ?? false);
        break;
      } catch (error) {
        if (attempt >= 3 || !/unique|UNIQUE/.test(String(error))) throw error;
      }
    }
    done += batch.reduce((n, u) => n + u.members.length, 0);
    options.onProgress?.(done, total);
    batch = [];
  };
  let inBatch = 0;
  for (const unit of units) {
    batch.push(unit);
    inBatch += unit.members.length;
    if (inBatch >= batchSize) {
      await flush();
      inBatch = 0;
    }
  }
  if (batch.length > 0) await flush();
  // Thousands of new rows: let the planner know, or lookups by id may turn into scans.
  if (options.refreshStatistics ?? true) await refreshPlannerStatistics(ctx.db);
  return total;
}

/**
 * `count` codes no person or household holds yet. In a registry of a million people one new code
 * in ~400 is taken already, so a batch of a thousand nearly always met one and failed on the
 * unique index; taken codes are now drawn again before the insert.
 */
async function freeCodes(db: Executor, count: number): Promise<string[]> {
  const codes = new Set<string>();
  for (let round = 0; codes.size < count; round += 1) {
    if (round > 20) throw new AppError('internal', 'could not draw free person codes');
    const drawn: string[] = [];
    while (codes.size + drawn.length < count) {
      const code = generatePersonCode();
      if (!codes.has(code) && !drawn.includes(code)) drawn.push(code);
    }
    const taken = await findTakenCodes(db, drawn);
    for (const code of drawn) if (!taken.has(code)) codes.add(code);
  }
  return [...codes];
}

async function writeBatch(ctx: ServiceContext, orgId: string, units: Unit[], isDemo: boolean): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const nowIso = ctx.now().toISOString();
    const year = ctx.now().getUTCFullYear();
    const households: HouseholdsTable[] = [];
    const people: PreparedPerson[] = [];
    const codes = await freeCodes(
      trx,
      units.reduce((n, u) => n + u.members.length + (u.household ? 1 : 0), 0),
    );
    const nextCode = () => codes.pop()!;
    for (const unit of units) {
      let householdId: string | undefined;
      if (unit.household) {
        householdId = timeOrderedId(ctx.now().getTime());
        households.push({
          id: householdId,
          org_id: orgId,
          code: nextCode(),
          site_id: unit.members[0]?.siteId ?? null,
          is_demo: isDemo ? 1 : 0,
          created_by: ctx.actor.userId,
          created_at: nowIso,
          updated_at: nowIso,
        });
      }
      const birthYearOf = (m: RegisterPersonInput) =>
        m.birthYear ?? (m.birthDate ? Number(m.birthDate.slice(0, 4)) : undefined);
      const hasAdult = unit.members.some((m) => {
        const birthYear = birthYearOf(m);
        return birthYear !== undefined && year - birthYear >= 18;
      });
      for (const member of unit.members) {
        people.push(
          preparePerson(ctx, householdId ? { ...member, householdId } : member, {
            id: timeOrderedId(ctx.now().getTime()),
            code: nextCode(),
            orgId,
            hasAdultInHousehold: householdId ? hasAdult : false,
            isDemo,
          }),
        );
      }
    }
    await insertRowsInChunks(trx, 'households', households, 500);
    await recordAudits(
      trx,
      ctx,
      households.map((h) => ({ action: 'household.create', entity: 'household', entityId: h.id })),
    );
    await persistPeople(trx, ctx, people, { bulk: true });
  });
}
