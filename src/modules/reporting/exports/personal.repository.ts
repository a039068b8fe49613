import type { Insertable } from 'kysely';
import type { Executor } from '../../../db/engine.js';
import type { Actor } from '../../access/actor.js';
import { scopeToActor } from '../../access/scope.js';
import type { ExportFilesTable } from '../reporting.tables.js';

/** Open cases assigned to the user (caseworker) or owned by the organisation (case supervisor), in scope. */
export async function findCaseloadRows(db: Executor, actor: Actor, whole: 'organisation' | 'assigned') {
  let query = scopeToActor(
    db
      .selectFrom('cases')
      .innerJoin('people', 'people.id', 'cases.person_id')
      .selectAll('people')
      .select([
        'cases.id as case_id',
        'cases.type as case_type',
        'cases.risk as case_risk',
        'cases.status as case_status',
        'cases.opened_at as case_opened_at',
      ])
      .where('cases.status', '!=', 'closed'),
    actor,
    'cases',
    'case',
  );
  query =
    whole === 'organisation'
      ? query.where('cases.org_id', '=', actor.orgId ?? '')
      : query.where('cases.assigned_user_id', '=', actor.userId ?? '');
  return query.orderBy('cases.opened_at').orderBy('cases.id').execute();
}

/** Per case: the earliest open due item and how many are overdue (one grouped query). */
export async function findCaseDueWork(db: Executor, caseIds: readonly string[]) {
  if (caseIds.length === 0) return new Map<string, { nextDue: string | null; overdue: number }>();
  const rows = await db
    .selectFrom('alerts')
    .select([
      'entity_id',
      (eb) => eb.fn.min<string>('due_at').as('next_due'),
      (eb) =>
        eb.fn
          .sum<number>(eb.case().when('deadline_state', 'in', ['overdue', 'escalated']).then(1).else(0).end())
          .as('overdue'),
    ])
    .where('entity', '=', 'case')
    .where('state', '=', 'open')
    .where('entity_id', 'in', caseIds)
    .groupBy('entity_id')
    .execute();
  return new Map(
    rows.map((r) => [r.entity_id, { nextDue: r.next_due ?? null, overdue: Number(r.overdue ?? 0) }]),
  );
}

/** The passengers of one of the organisation's convoys (scheduled or departed), with their destination. */
export async function findConvoyPassengers(db: Executor, orgId: string, convoyId: string) {
  const convoy = await db
    .selectFrom('convoys')
    .select(['id', 'departs_on', 'vehicle'])
    .where('id', '=', convoyId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!convoy) return null;
  const passengers = await db
    .selectFrom('relocations')
    .innerJoin('relocation_people', 'relocation_people.relocation_id', 'relocations.id')
    .innerJoin('people', 'people.id', 'relocation_people.person_id')
    .innerJoin('sites', 'sites.id', 'relocations.to_site_id')
    .selectAll('people')
    .select(['relocations.id as relocation_id', 'sites.name as destination'])
    .where('relocations.convoy_id', '=', convoyId)
    .where('relocations.status', 'in', ['scheduled', 'departed'])
    .orderBy('sites.name')
    .orderBy('relocations.id')
    .execute();
  return { convoy, passengers };
}

export async function insertExportFile(db: Executor, row: Insertable<ExportFilesTable>) {
  await db.insertInto('export_files').values(row).execute();
}

export async function findExportFileOfUser(db: Executor, id: string, userId: string) {
  return db
    .selectFrom('export_files')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function countDownload(db: Executor, id: string) {
  await db
    .updateTable('export_files')
    .set((eb) => ({ downloads: eb('downloads', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Deletes the bytes and the key of every expired file; the row stays as the record of the export. */
export async function purgeExpiredExports(db: Executor, nowIso: string): Promise<number> {
  const result = await db
    .updateTable('export_files')
    .set({ content: null, wrapped_key: null, purged_at: nowIso })
    .where('purged_at', 'is', null)
    .where('expires_at', '<=', nowIso)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Records the time step of an accepted code, only if no later or equal step was recorded since it
 * was read: two requests racing with one code cannot both pass.
 */
export async function spendTotpStep(db: Executor, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step, failed_logins: 0 })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
