import { timeOrderedId } from '../../crypto/index.js';
import { refreshPlannerStatistics } from '../../db/maintenance.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudits } from '../audit/audit.service.js';
import { type PreparedPerson, persistPeople, preparePerson } from './people.service.js';
import { generatePersonCode } from './person-code.js';
import type { GeneratedPopulation } from './population-generator.js';
import { insertRowsInChunks } from './registry.repository.js';
import type { RegisterPersonInput } from './registry.schema.js';
import type { HouseholdsTable } from './registry.tables.js';

export interface BulkOptions {
  isDemo?: boolean;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
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
  await refreshPlannerStatistics(ctx.db);
  return total;
}

async function writeBatch(ctx: ServiceContext, orgId: string, units: Unit[], isDemo: boolean): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const nowIso = ctx.now().toISOString();
    const year = ctx.now().getUTCFullYear();
    const households: HouseholdsTable[] = [];
    const people: PreparedPerson[] = [];
    for (const unit of units) {
      let householdId: string | undefined;
      if (unit.household) {
        householdId = timeOrderedId(ctx.now().getTime());
        households.push({
          id: householdId,
          org_id: orgId,
          code: generatePersonCode(),
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
            code: generatePersonCode(),
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
