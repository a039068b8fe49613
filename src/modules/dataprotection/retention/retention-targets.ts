import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../../db/engine.js';
import { shredPerson } from '../erasure/shred-person.js';
import {
  type SubjectType,
  shredCases,
  shredCounsellingSessions,
  shredIncidents,
  shredTracingRequests,
} from '../erasure/shredders.js';
import { RECORD_TYPES } from './retention.schema.js';

export { RECORD_TYPES };

/*
 * The kinds of record a retention policy can name, and how each is found and shredded. A record
 * is due when its anchor date (closure, session, incident, last update) is older than the policy's
 * period; a legal hold on the record, or on a person's open work, keeps it.
 */

export type RecordType = (typeof RECORD_TYPES)[number] & SubjectType;

interface TargetSpec {
  table: string;
  /** Statuses a policy may name; 'any' means the table has no status to filter on. */
  statuses: readonly string[];
  statusColumn: string | null;
  anchor: string;
  /** Anchors holding a date (YYYY-MM-DD) compare with the cutoff's date. */
  anchorIsDate: boolean;
  action: 'crypto_shred' | 'anonymise';
  /** Still holds readable data (not yet shredded). */
  readable: RawBuilder<SqlBool>;
  /** More reasons a due record must wait. */
  blocked?: RawBuilder<SqlBool>;
  shred(trx: Executor, ids: string[], nowIso: string): Promise<number>;
}

const t = (column: string) => sql.ref(`t.${column}`);

export const TARGETS: Record<RecordType, TargetSpec> = {
  case: {
    table: 'cases',
    statuses: ['closed'],
    statusColumn: 'status',
    anchor: 'closed_at',
    anchorIsDate: false,
    action: 'crypto_shred',
    readable: sql<SqlBool>`exists (select 1 from case_keys k where k.case_id = t.id)`,
    shred: shredCases,
  },
  tracing_request: {
    table: 'tracing_requests',
    statuses: ['closed'],
    statusColumn: 'status',
    anchor: 'closed_at',
    anchorIsDate: false,
    action: 'crypto_shred',
    readable: sql<SqlBool>`exists (select 1 from tracing_request_keys k where k.request_id = t.id)`,
    shred: shredTracingRequests,
  },
  counselling_session: {
    table: 'counselling_sessions',
    statuses: ['any'],
    statusColumn: null,
    anchor: 'held_on',
    anchorIsDate: true,
    action: 'crypto_shred',
    readable: sql<SqlBool>`t.notes is not null`,
    shred: (trx, ids) => shredCounsellingSessions(trx, ids),
  },
  incident: {
    table: 'incidents',
    statuses: ['any'],
    statusColumn: null,
    anchor: 'occurred_on',
    anchorIsDate: true,
    action: 'crypto_shred',
    readable: sql<SqlBool>`t.wrapped_key is not null`,
    shred: (trx, ids) => shredIncidents(trx, ids),
  },
  person: {
    table: 'people',
    // 'merged': the absorbed duplicate of a merge; 'active': no update for the whole period.
    statuses: ['merged', 'active'],
    statusColumn: 'status',
    anchor: 'updated_at',
    anchorIsDate: false,
    action: 'anonymise',
    readable: sql<SqlBool>`t.status != 'erased'`,
    // A person with a case still open is someone the organisation is working for.
    blocked: sql<SqlBool>`exists (select 1 from cases c where c.person_id = t.id and c.status != 'closed')
      or exists (select 1 from cases c join legal_holds lh on lh.record_type = 'case' and lh.record_id = c.id
        where c.person_id = t.id and lh.released_at is null)`,
    shred: async (trx, ids, nowIso) => {
      let shredded = 0;
      for (const id of ids) shredded += (await shredPerson(trx, id, nowIso)).people;
      return shredded;
    },
  },
};

export function isRecordType(value: string): value is RecordType {
  return (RECORD_TYPES as readonly string[]).includes(value);
}

/** An active legal hold on this very record (held_until in the future or open-ended). */
function heldCondition(recordType: RecordType, todayIso: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from legal_holds lh where lh.record_type = ${recordType}
    and lh.record_id = t.id and lh.released_at is null
    and (lh.held_until is null or lh.held_until >= ${todayIso}))`;
}

export interface Selection {
  orgId: string;
  recordType: RecordType;
  recordStatus: string;
  cutoffIso: string;
  todayIso: string;
}

function dueCondition(s: Selection): RawBuilder<SqlBool> {
  const spec = TARGETS[s.recordType];
  const cutoff = spec.anchorIsDate ? s.cutoffIso.slice(0, 10) : s.cutoffIso;
  const status =
    spec.statusColumn && s.recordStatus !== 'any'
      ? sql<SqlBool>`and ${t(spec.statusColumn)} = ${s.recordStatus}`
      : sql<SqlBool>``;
  return sql<SqlBool>`${t('org_id')} = ${s.orgId} ${status} and ${t(spec.anchor)} is not null
    and ${t(spec.anchor)} < ${cutoff} and ${spec.readable}`;
}

function waitingCondition(s: Selection): RawBuilder<SqlBool> {
  const spec = TARGETS[s.recordType];
  const held = heldCondition(s.recordType, s.todayIso);
  return spec.blocked ? sql<SqlBool>`(${held} or ${spec.blocked})` : held;
}

/** How many due records would go, how many are held back, and a few of their ids. */
export async function countDue(db: Executor, s: Selection) {
  const table = sql.table(TARGETS[s.recordType].table);
  const result = await sql<{ due: number | string | null; held: number | string | null }>`
    select count(*) as due, sum(case when ${waitingCondition(s)} then 1 else 0 end) as held
    from ${table} as t where ${dueCondition(s)}`.execute(db);
  const row = result.rows[0];
  const due = Number(row?.due ?? 0);
  const held = Number(row?.held ?? 0);
  const sample = await findDueIds(db, s, 10, null);
  return { eligible: due - held, held, sampleIds: sample };
}

/** Due records not held back, in id order after `afterId`. */
export async function findDueIds(db: Executor, s: Selection, limit: number, afterId: string | null) {
  const table = sql.table(TARGETS[s.recordType].table);
  const after = afterId === null ? sql<SqlBool>`` : sql<SqlBool>`and t.id > ${afterId}`;
  const result = await sql<{ id: string }>`
    select t.id as id from ${table} as t
    where ${dueCondition(s)} and not ${waitingCondition(s)} ${after}
    order by t.id limit ${limit}`.execute(db);
  return result.rows.map((r) => r.id);
}

/**
 * Of these ids, those still due and not held, locked for this transaction. On PostgreSQL rows that
 * another process is shredding right now are skipped rather than waited for.
 */
export async function lockStillDue(trx: Executor, s: Selection, ids: string[], postgres: boolean) {
  if (ids.length === 0) return [];
  const table = sql.table(TARGETS[s.recordType].table);
  const lock = postgres ? sql`for update of t skip locked` : sql``;
  const result = await sql<{ id: string }>`
    select t.id as id from ${table} as t
    where t.id in (${sql.join(ids)}) and ${dueCondition(s)} and not ${waitingCondition(s)}
    order by t.id ${lock}`.execute(trx);
  return result.rows.map((r) => r.id);
}
