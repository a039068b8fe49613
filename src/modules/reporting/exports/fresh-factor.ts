import { decryptWithRingKey } from '../../../crypto/index.js';
import type { ServiceContext } from '../../../server/context.js';
import { AppError } from '../../../server/errors.js';
import { findUserById, incrementFailedLogins, updateUser } from '../../access/access.repository.js';
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS, totpAad } from '../../access/auth.service.js';
import { matchTotpStep } from '../../access/totp.js';
import { recordAuditAlone } from '../../audit/audit.service.js';
import { spendTotpStep } from './personal.repository.js';

/**
 * Proves that the person at the keyboard holds the account's authenticator now, not only when the
 * session began: a code of a time step never used before, checked against the user's own secret.
 * Only browser sessions may try (a script token is refused before any code is looked at). Wrong
 * codes count as failed sign-ins, with the same lockout, so a stolen session cannot guess.
 */
export async function requireFreshSecondFactor(
  ctx: ServiceContext,
  code: string,
): Promise<{ email: string; name: string }> {
  if (ctx.actor.via !== 'session' || !ctx.actor.userId)
    throw new AppError(
      'forbidden',
      'Exports of personal data need a signed-in browser session and a fresh code; API tokens cannot take them.',
    );
  const user = await findUserById(ctx.db, ctx.actor.userId);
  if (!user) throw new AppError('unauthenticated');
  if (!user.totp_enabled || !user.totp_secret) throw new AppError('totp_enrolment_required');
  const now = ctx.now();
  const refuse = async (reason: string) => {
    await recordAuditAlone(ctx.db, ctx, {
      action: 'export.personal_refused',
      entity: 'user',
      entityId: user.id,
      details: { reason },
    });
    throw new AppError(
      'invalid_credentials',
      'totp: the code was not accepted; wait for the next code and try again. After 5 wrong codes the account is locked for 15 minutes.',
      [{ field: 'totp', message: 'not accepted' }],
    );
  };
  if (user.locked_until && user.locked_until > now.toISOString()) return refuse('locked');
  const secret = decryptWithRingKey(ctx.keys.dataKeyWrapping, user.totp_secret, totpAad(user.id));
  const step = matchTotpStep(secret, code, now, user.totp_last_step);
  if (step === null) {
    await ctx.db.transaction().execute(async (trx) => {
      const failures = await incrementFailedLogins(trx, user.id);
      if (failures >= MAX_FAILED_LOGINS)
        await updateUser(trx, user.id, {
          failed_logins: 0,
          locked_until: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString(),
        });
    });
    return refuse('wrong_totp');
  }
  // The step is spent: the same code cannot be replayed for a second export.
  if (!(await spendTotpStep(ctx.db, user.id, step))) return refuse('replayed');
  return { email: user.email, name: user.name };
}
