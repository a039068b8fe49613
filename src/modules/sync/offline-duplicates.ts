import { timeOrderedId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { recordAudit } from '../audit/audit.service.js';
import type { DuplicatePairsTable } from '../matching/matching.tables.js';
import { REVIEW_THRESHOLD } from '../matching/registry-matcher.js';
import { upsertOpenPairs } from '../matching/runs.repository.js';
import { type DuplicateCandidate, findScoredDuplicates } from '../registry/people-search.js';
import type { RegisterPersonInput } from '../registry/registry.schema.js';

/**
 * Online, the registrar sees the possible duplicates before saving and decides; offline nobody
 * saw them. So every candidate at or above the review threshold becomes an open pair in the
 * review queue (GET /api/duplicates), where a reviewer merges or separates them — never merged
 * here. Candidates are scored again against the saved record to store the same weights and
 * per-field explanation as the whole-registry run.
 */
export async function queueOfflineDuplicates(
  trx: Executor,
  ctx: ServiceContext,
  personId: string,
  input: RegisterPersonInput,
  candidates: readonly DuplicateCandidate[],
): Promise<number> {
  const worth = new Set(candidates.filter((c) => c.score >= REVIEW_THRESHOLD).map((c) => c.personId));
  if (worth.size === 0) return 0;
  const scored = await findScoredDuplicates(trx, ctx, {
    names: [
      [input.givenName, input.fathersName, input.familyName].filter(Boolean).join(' '),
      input.originalScriptName ?? '',
    ].filter(Boolean),
    sex: input.sex,
    birthYear: input.birthDate ? Number(input.birthDate.slice(0, 4)) : (input.birthYear ?? null),
    ageEstimated: input.ageEstimated,
    nationality: input.nationality,
    excludeId: personId,
  });
  const nowIso = ctx.now().toISOString();
  const rows: DuplicatePairsTable[] = scored
    .filter((s) => worth.has(s.candidate.row.id) && s.probability >= REVIEW_THRESHOLD)
    .map((s) => {
      const [a, b] = [personId, s.candidate.row.id].sort();
      return {
        id: timeOrderedId(Date.parse(nowIso)),
        person_a: a!,
        person_b: b!,
        probability: s.probability,
        weight: s.weight,
        explanation: JSON.stringify(s.explanation),
        status: 'open',
        run_id: null,
        found_at: nowIso,
        decided_by: null,
        decided_at: null,
        reason: null,
      };
    });
  await upsertOpenPairs(trx, rows);
  if (rows.length > 0) {
    await recordAudit(trx, ctx, {
      action: 'duplicates.queued',
      entity: 'person',
      entityId: personId,
      details: {
        source: 'offline_sync',
        candidates: rows.map((r) => (r.person_a === personId ? r.person_b : r.person_a)),
      },
    });
  }
  return rows.length;
}
