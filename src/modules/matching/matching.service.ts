import type { ServiceContext } from '../../server/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadPersonViews } from '../registry/people-read.js';
import { findScoredDuplicates } from '../registry/people-search.js';
import { presentPerson } from '../registry/registry.presenter.js';
import type { MatchingSearchInput } from './matching.schema.js';
import type { MatchProbe } from './registry-matcher.js';

/**
 * "Is this person already registered?": candidates from the blind indexes within the caller's
 * scope, scored by the Fellegi–Sunter model with the prior of a search (the person looked for is
 * assumed registered once). Shown: candidates reaching the low band, and, below it, those whose
 * names agree (spelling, script or typos) — a name alone rarely reaches the band in a large
 * registry, and the searcher must still see who bears it, with its honest low score.
 * One audit entry lists the ids shown and which fields were searched, never their values.
 */
export async function searchMatches(ctx: ServiceContext, input: MatchingSearchInput) {
  const { limit, ...fields } = input;
  const birthYear = fields.birthYear ?? (fields.birthDate ? Number(fields.birthDate.slice(0, 4)) : null);
  const probe: MatchProbe = { ...fields, birthYear };
  const names = [
    fields.fullName,
    [fields.givenName, fields.fathersName, fields.familyName].filter(Boolean).join(' '),
    fields.originalScriptName,
  ].filter((n): n is string => Boolean(n));
  const scored = await findScoredDuplicates(ctx.db, ctx, {
    names,
    birthYear,
    ageEstimated: fields.ageEstimated,
    match: probe,
    purpose: 'search',
  });
  const shown = scored.filter((s) => s.band !== null || s.namesAgree).slice(0, limit);
  return ctx.db.transaction().execute(async (trx) => {
    const views = await loadPersonViews(
      trx,
      ctx.keys,
      shown.map((s) => s.candidate.row),
    );
    await recordAudit(trx, ctx, {
      action: 'matching.search',
      entity: 'person',
      details: {
        fields: Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined),
        results: shown.map((s) => s.candidate.row.id),
      },
    });
    return {
      candidates: shown.map((s, i) => ({
        personId: s.candidate.row.id,
        code: s.candidate.row.code,
        score: Math.round(s.probability * 1000) / 1000,
        band: s.band ?? ('low' as const),
        explanation: s.explanation,
        person: presentPerson(views[i]!, ctx.actor, ctx.now()),
      })),
    };
  });
}
