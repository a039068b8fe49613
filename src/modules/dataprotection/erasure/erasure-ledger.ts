import type { Executor } from '../../../db/engine.js';
import { shredPerson } from './shred-person.js';
import {
  isSubjectType,
  type SubjectType,
  shredCases,
  shredCounsellingSessions,
  shredIncidents,
  shredTracingRequests,
} from './shredders.js';

/*
 * The erasure ledger: which records were erased, when and why, by id only. It exists for old
 * backups. A backup taken before an erasure still holds the data keys it shredded; `restore`
 * replays the ledger of the newest backup or database it is given, so the restored copy is shredded
 * again before anyone can use it. (Someone who holds such a backup and the master key it was made
 * under, and does not restore it with Passerelle, can still read it: see docs/data-protection.md
 * for why keys are rotated and old master keys destroyed.)
 */

export interface LedgerEntry {
  subjectType: SubjectType;
  subjectId: string;
  erasedAt: string;
  source: 'erasure_request' | 'retention';
  sourceId: string | null;
}

export async function recordInLedger(trx: Executor, entries: readonly LedgerEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await trx
    .insertInto('erasure_ledger')
    .values(
      entries.map((e) => ({
        subject_type: e.subjectType,
        subject_id: e.subjectId,
        erased_at: e.erasedAt,
        source: e.source,
        source_id: e.sourceId,
      })),
    )
    .onConflict((oc) => oc.columns(['subject_type', 'subject_id']).doNothing())
    .execute();
}

export async function readLedger(db: Executor): Promise<LedgerEntry[]> {
  const rows = await db
    .selectFrom('erasure_ledger')
    .selectAll()
    .orderBy('erased_at')
    .orderBy('subject_id')
    .execute();
  return rows
    .filter((r) => isSubjectType(r.subject_type))
    .map((r) => ({
      subjectType: r.subject_type as SubjectType,
      subjectId: r.subject_id,
      erasedAt: r.erased_at,
      source: r.source === 'retention' ? 'retention' : 'erasure_request',
      sourceId: r.source_id,
    }));
}

/** Shreds again what the entries name, only where it exists here; returns how many were found. */
export async function replayLedger(
  trx: Executor,
  entries: readonly LedgerEntry[],
  nowIso: string,
): Promise<number> {
  const byType = new Map<SubjectType, string[]>();
  for (const e of entries) byType.set(e.subjectType, [...(byType.get(e.subjectType) ?? []), e.subjectId]);
  let found = 0;
  for (const personId of byType.get('person') ?? []) {
    const summary = await shredPerson(trx, personId, nowIso);
    if (summary.personKeys > 0 || summary.people > 0) found += 1;
  }
  found += await shredCases(trx, byType.get('case') ?? [], nowIso);
  found += await shredCounsellingSessions(trx, byType.get('counselling_session') ?? []);
  found += await shredIncidents(trx, byType.get('incident') ?? []);
  found += await shredTracingRequests(trx, byType.get('tracing_request') ?? [], nowIso);
  await recordInLedger(trx, entries);
  return found;
}
