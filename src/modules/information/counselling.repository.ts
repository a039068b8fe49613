import type { Executor } from '../../db/engine.js';
import type { Actor } from '../access/actor.js';
import { scopeToActor } from '../access/scope.js';
import type { CounsellingSessionsTable } from './information.tables.js';

export const COUNSELLING_RECORD = 'counselling_session';

function sessions(db: Executor, actor: Actor) {
  return scopeToActor(
    db
      .selectFrom('counselling_sessions')
      .leftJoin('people', 'people.id', 'counselling_sessions.person_id')
      .selectAll('counselling_sessions')
      .select('people.code as person_code'),
    actor,
    'counselling_sessions',
    COUNSELLING_RECORD,
  );
}

export type SessionRow = CounsellingSessionsTable & { person_code: string | null };

export async function insertSession(db: Executor, row: CounsellingSessionsTable): Promise<void> {
  await db.insertInto('counselling_sessions').values(row).execute();
}

export async function findSessionInScope(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<SessionRow | undefined> {
  return sessions(db, actor).where('counselling_sessions.id', '=', id).executeTakeFirst();
}

/** Newest first; the cursor is the last row's (held_on, id). */
export async function findSessions(
  db: Executor,
  actor: Actor,
  filter: { personId?: string; before?: [string, string]; limit: number },
): Promise<SessionRow[]> {
  let query = sessions(db, actor);
  if (filter.personId) query = query.where('counselling_sessions.person_id', '=', filter.personId);
  if (filter.before) {
    const [heldOn, id] = filter.before;
    query = query.where((eb) =>
      eb.or([
        eb('counselling_sessions.held_on', '<', heldOn),
        eb.and([eb('counselling_sessions.held_on', '=', heldOn), eb('counselling_sessions.id', '<', id)]),
      ]),
    );
  }
  return query
    .orderBy('counselling_sessions.held_on', 'desc')
    .orderBy('counselling_sessions.id', 'desc')
    .limit(filter.limit)
    .execute();
}

export async function findFollowUps(db: Executor, actor: Actor, counsellorId: string, dueBy: string) {
  return sessions(db, actor)
    .where('counselling_sessions.counsellor_id', '=', counsellorId)
    .where('counselling_sessions.follow_up_on', 'is not', null)
    .where('counselling_sessions.follow_up_on', '<=', dueBy)
    .where('counselling_sessions.follow_up_done_at', 'is', null)
    .orderBy('counselling_sessions.follow_up_on')
    .limit(500)
    .execute();
}

/** The plain columns aggregates need, for the actor's own organisation only. */
export async function findForAggregates(db: Executor, orgId: string, from: string, to: string) {
  return db
    .selectFrom('counselling_sessions')
    .select(['language', 'stated_intention', 'topics', 'options_discussed', 'interpreter_used'])
    .where('org_id', '=', orgId)
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .execute();
}

export async function markFollowUpDone(
  db: Executor,
  id: string,
  by: string | null,
  at: string,
): Promise<void> {
  await db
    .updateTable('counselling_sessions')
    .set({ follow_up_done_at: at, follow_up_done_by: by, updated_at: at })
    .where('id', '=', id)
    .execute();
}
