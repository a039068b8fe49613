import type { Actor } from '../access/actor.js';
import type { PairRow } from './duplicates.repository.js';
import type { FieldContribution } from './engine/model.js';
import { bandOf } from './registry-matcher.js';

export type PairAction = 'same' | 'different' | 'unmerge';

function side(row: PairRow, which: 'a' | 'b') {
  const visible = row[`${which}_visible`] === 1;
  return {
    personId: row[`${which}_id`],
    // The card code identifies a person: not shown for a record outside the reviewer's scope.
    code: visible ? row[`${which}_code`] : null,
    orgId: row[`${which}_org`],
    status: row[`${which}_status`],
    visible,
  };
}

/**
 * A pair for the review screens: the older record first (it survives a merge), the score and
 * what each field contributed. `allowed` tells the UI what it may offer: a cross-organisation
 * pair can be declared different but not merged, and only a merge recorded on this pair can
 * be undone from it.
 */
export function presentPair(row: PairRow, _actor: Actor, hasActiveMerge: boolean) {
  const a = side(row, 'a');
  const b = side(row, 'b');
  const aIsOlder = row.a_created < row.b_created || (row.a_created === row.b_created && row.a_id < row.b_id);
  const [older, newer] = aIsOlder ? [a, b] : [b, a];
  const full = a.visible && b.visible;
  const allowed: PairAction[] = [];
  if (row.status === 'open') {
    if (full) allowed.push('same');
    allowed.push('different');
  }
  if (row.status === 'same' && hasActiveMerge && full) allowed.push('unmerge');
  return {
    id: row.id,
    status: row.status,
    score: Math.round(row.probability * 1000) / 1000,
    band: bandOf(row.probability) ?? 'low',
    weight: Math.round(row.weight * 100) / 100,
    explanation: JSON.parse(row.explanation) as FieldContribution[],
    older,
    newer,
    crossOrganisation: !full,
    foundAt: row.found_at,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    allowed,
  };
}

export type PresentedPair = ReturnType<typeof presentPair>;
