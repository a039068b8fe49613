import type { Actor } from '../access/actor.js';
import { definePermissions } from '../access/permissions.js';

/*
 * Only data protection officers run retention, erasure and access requests. An erasure or an
 * access request needs two of them: the one who files it cannot approve it. An admin cannot stand
 * in as the second person: admins manage accounts and read no personal data, and approving means
 * judging the GDPR article 17(3) exceptions on the person's file (docs/data-protection.md).
 */
export const DataProtectionPermissions = definePermissions({
  'dataprotection.manage': ['data_protection_officer'],
});

export type RequestAction = 'approve' | 'refuse' | 'cancel' | 'export';

/** What this actor may do with a request, sent to the UI (it never checks roles itself). */
export function allowedRequestActions(
  actor: Actor,
  request: { status: string; requested_by: string },
  kind: 'erasure' | 'access',
): RequestAction[] {
  if (request.status === 'pending') {
    const actions: RequestAction[] = ['refuse', 'cancel'];
    if (request.requested_by !== actor.userId) actions.unshift('approve');
    return actions;
  }
  return kind === 'access' && request.status === 'approved' ? ['export'] : [];
}

export function isSecondPerson(actor: Actor, request: { requested_by: string }): boolean {
  return actor.userId !== null && actor.userId !== request.requested_by;
}
