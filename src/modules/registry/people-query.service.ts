import { decryptJson } from '../../crypto/index.js';
import { readTransaction } from '../../db/read-transaction.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findErasureInScope } from '../dataprotection/erasure/erased-records.repository.js';
import { loadPersonViews } from './people-read.js';
import { type ScoredPerson, searchByName } from './people-search.js';
import { normalisePersonCode } from './person-code.js';
import { historyAad, openPersonKey } from './person-identity.js';
import { readableGroups } from './registry.policy.js';
import type { PersonView } from './registry.presenter.js';
import {
  type CandidateFilter,
  findHistory,
  findPersonByCode,
  findPersonInScope,
  findPersonKeys,
  listPeople,
} from './registry.repository.js';

/**
 * Reads one person and records the read in the audit log, in one transaction. Out of scope: 404;
 * erased but in scope: 410 with the erasure date, so the profile can say what happened.
 */
export async function getPerson(ctx: ServiceContext, id: string): Promise<PersonView> {
  return readTransaction(ctx.db, async (trx) => {
    const row = await findPersonInScope(trx, ctx.actor, id);
    if (!row) {
      const erasedAt = await findErasureInScope(trx, ctx.actor, id);
      if (!erasedAt) throw AppError.notFound('person');
      throw new AppError('erased', `This record was erased on ${erasedAt.slice(0, 10)}.`, [
        { field: 'erasedAt', message: erasedAt },
      ]);
    }
    const [view] = await loadPersonViews(trx, ctx.keys, [row]);
    await recordAudit(trx, ctx, { action: 'person.read', entity: 'person', entityId: id });
    return view!;
  });
}

export interface SearchInput {
  q?: string;
  siteId?: string;
  nationality?: string;
  sex?: string;
  ageBand?: '0-4' | '5-11' | '12-17' | '18-59' | '60+';
  need?: string;
  limit: number;
  offset?: number;
  after?: { createdAt: string; id: string };
}

const AGE_BANDS: Record<NonNullable<SearchInput['ageBand']>, [number, number]> = {
  '0-4': [0, 4],
  '5-11': [5, 11],
  '12-17': [12, 17],
  '18-59': [18, 59],
  '60+': [60, 130],
};

function filterOf(input: SearchInput, now: Date): CandidateFilter {
  const filter: CandidateFilter = {
    siteId: input.siteId,
    nationality: input.nationality,
    sex: input.sex,
    needCategory: input.need?.toUpperCase(),
  };
  if (input.ageBand) {
    const [minAge, maxAge] = AGE_BANDS[input.ageBand];
    filter.minBirthYear = now.getUTCFullYear() - maxAge;
    filter.maxBirthYear = now.getUTCFullYear() - minAge;
  }
  return filter;
}

export interface SearchOutcome {
  views: Array<PersonView & { match?: { score: number; explanation: ScoredPerson['explanation'] } }>;
  hasMore: boolean;
}

/**
 * Finds people by name in any spelling or script, by card code or phone, or lists them by
 * filters. One audit entry records the search and which records it showed.
 */
export async function searchPeople(ctx: ServiceContext, input: SearchInput): Promise<SearchOutcome> {
  return readTransaction(ctx.db, async (trx) => {
    const q = input.q?.trim();
    const filter = filterOf(input, ctx.now());
    let outcome: SearchOutcome;
    const code = q ? normalisePersonCode(q) : null;
    if (code) {
      const row = await findPersonByCode(trx, ctx.actor, code);
      outcome = { views: row ? await loadPersonViews(trx, ctx.keys, [row]) : [], hasMore: false };
    } else if (q) {
      const scored = await searchByName(trx, ctx, q, filter);
      const offset = input.offset ?? 0;
      const pageRows = scored.slice(offset, offset + input.limit);
      const views = await loadPersonViews(
        trx,
        ctx.keys,
        pageRows.map((s) => s.row),
      );
      outcome = {
        views: views.map((view, i) => ({
          ...view,
          match: {
            score: Math.round(pageRows[i]!.score * 1000) / 1000,
            explanation: pageRows[i]!.explanation,
          },
        })),
        hasMore: scored.length > offset + input.limit,
      };
    } else {
      const rows = await listPeople(trx, ctx.actor, filter, input.after, input.limit + 1);
      outcome = {
        views: await loadPersonViews(trx, ctx.keys, rows.slice(0, input.limit)),
        hasMore: rows.length > input.limit,
      };
    }
    await recordAudit(trx, ctx, {
      action: 'person.search',
      entity: 'person',
      details: {
        kind: code ? 'code' : q ? 'name' : 'list',
        filters: Object.keys(filter).filter((k) => filter[k as keyof CandidateFilter] !== undefined),
        results: outcome.views.map((v) => v.row.id),
      },
    });
    return outcome;
  });
}

/** Who changed which fields when; the old and new values only for roles that read the notes group. */
export async function personHistory(ctx: ServiceContext, id: string) {
  return readTransaction(ctx.db, async (trx) => {
    const row = await findPersonInScope(trx, ctx.actor, id);
    if (!row) throw AppError.notFound('person');
    const entries = await findHistory(trx, id);
    const showValues = readableGroups(ctx.actor).has('notes');
    const wrapped = (await findPersonKeys(trx, [id])).get(id);
    const dataKey = showValues && wrapped ? openPersonKey(ctx.keys, id, wrapped) : null;
    await recordAudit(trx, ctx, { action: 'person.history_read', entity: 'person', entityId: id });
    return entries.map((entry) => ({
      id: entry.id,
      changedAt: entry.changed_at,
      changedBy: entry.changed_by,
      fields: JSON.parse(entry.fields) as string[],
      ...(dataKey
        ? {
            change: decryptJson<Record<string, [unknown, unknown]>>(
              dataKey,
              entry.change,
              historyAad(id, entry.id),
            ),
          }
        : {}),
    }));
  });
}
