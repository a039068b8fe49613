import type { Actor } from '../access/actor.js';
import { definePermissions } from '../access/permissions.js';
import type { ArticleTranslationsTable } from './information.tables.js';

/**
 * Who may do what in the information module.
 * - Articles are written and reviewed by information officers. Review is a separate permission
 *   so that it can be given to other roles later, and the four-eyes rule (the author of a version
 *   never publishes it) is checked on the record, not by role: see `translationActions`.
 * - Counselling records are personal data: the information officers who counsel, and the
 *   caseworkers and supervisors who counsel the people in their cases. Registration officers
 *   refer people to counselling rather than record it.
 * - Aggregates carry no names or ids and suppress small counts; analysts read those only.
 */
export const InformationPermissions = definePermissions({
  'information.manage': ['information_officer'],
  'information.review': ['information_officer'],
  'counselling.write': ['information_officer', 'caseworker', 'case_supervisor'],
  'counselling.read': ['information_officer', 'caseworker', 'case_supervisor'],
  'counselling.aggregates': ['information_officer', 'case_supervisor', 'analyst'],
});

type VersionFacts = Pick<ArticleTranslationsTable, 'status' | 'author_id' | 'source_version' | 'version'>;

/**
 * What the actor may do with one version of one language's text, given the article's current
 * source version and whether a newer version exists. The routes enforce the same rules; the UI
 * shows only these buttons.
 */
export function translationActions(
  actor: Actor,
  version: VersionFacts,
  context: { isLatest: boolean; isSource: boolean; articleSourceVersion: number },
): string[] {
  const actions: string[] = [];
  const manage = actor.permissions.has(InformationPermissions['information.manage']);
  const review = actor.permissions.has(InformationPermissions['information.review']);
  if (manage && context.isLatest && version.status === 'draft') actions.push('submit');
  if (review && version.status === 'in_review') {
    if (canPublish(actor, version, context).ok) actions.push('publish');
    actions.push('return');
  }
  if (review && version.status === 'published') actions.push('archive');
  return actions;
}

export function canPublish(
  actor: Actor,
  version: VersionFacts,
  context: { isSource: boolean; articleSourceVersion: number },
): { ok: true } | { ok: false; reason: 'own_version' | 'outdated' } {
  if (version.author_id !== null && version.author_id === actor.userId)
    return { ok: false, reason: 'own_version' };
  if (!context.isSource && version.source_version < context.articleSourceVersion)
    return { ok: false, reason: 'outdated' };
  return { ok: true };
}
