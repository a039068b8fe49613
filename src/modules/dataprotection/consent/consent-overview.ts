import { sql } from 'kysely';
import type { z } from 'zod';
import type { ServiceContext } from '../../../server/context.js';
import { recordAudit } from '../../audit/audit.service.js';
import { orgOf } from '../retention/retention.service.js';
import { ConsentOverviewResponse } from './consent.schema.js';

export { ConsentOverviewResponse };

/*
 * Consent as the data protection officer sees it: for each purpose, how many people's processing
 * rests on which legal basis and how many withdrew; the latest withdrawals; and work still open
 * that a withdrawal should have stopped (a referral requested, or a tracing request left open,
 * after the person withdrew that purpose). Referral and tracing already refuse new work without
 * consent; these counts show what was under way when it was withdrawn.
 */

const PURPOSES = ['services', 'referral', 'tracing', 'information_sharing'] as const;

export async function consentOverview(ctx: ServiceContext): Promise<z.infer<typeof ConsentOverviewResponse>> {
  const orgId = orgOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const counts = await trx
      .selectFrom('consents')
      .innerJoin('people', 'people.id', 'consents.person_id')
      .select([
        'consents.purpose',
        'consents.basis',
        sql<number>`sum(case when consents.withdrawn_at is null then 1 else 0 end)`.as('current'),
        sql<number>`sum(case when consents.withdrawn_at is null then 0 else 1 end)`.as('withdrawn'),
      ])
      .where('people.org_id', '=', orgId)
      .where('people.status', '=', 'active')
      .groupBy(['consents.purpose', 'consents.basis'])
      .execute();
    const withdrawals = await trx
      .selectFrom('consents')
      .innerJoin('people', 'people.id', 'consents.person_id')
      .select([
        'people.id as personId',
        'people.code as personCode',
        'consents.purpose',
        'consents.withdrawn_at',
      ])
      .where('people.org_id', '=', orgId)
      .where('people.status', '=', 'active')
      .where('consents.withdrawn_at', 'is not', null)
      .orderBy('consents.withdrawn_at', 'desc')
      .limit(50)
      .execute();
    const noCurrent = (purpose: string, personRef: string) =>
      sql<boolean>`not exists (select 1 from consents c where c.person_id = ${sql.ref(personRef)}
        and c.purpose = ${purpose} and c.withdrawn_at is null)
        and exists (select 1 from consents c where c.person_id = ${sql.ref(personRef)} and c.purpose = ${purpose})`;
    const referrals = await trx
      .selectFrom('case_referrals')
      .innerJoin('cases', 'cases.id', 'case_referrals.case_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('cases.org_id', '=', orgId)
      .where('case_referrals.status', '=', 'requested')
      .where(noCurrent('referral', 'cases.person_id'))
      .executeTakeFirst();
    const tracing = await trx
      .selectFrom('tracing_requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tracing_requests.org_id', '=', orgId)
      .where('tracing_requests.status', '!=', 'closed')
      .where('tracing_requests.enquirer_person_id', 'is not', null)
      .where(noCurrent('tracing', 'tracing_requests.enquirer_person_id'))
      .executeTakeFirst();
    await recordAudit(trx, ctx, {
      action: 'consent.overview_read',
      entity: 'consent',
      details: { withdrawals: withdrawals.length },
    });
    return {
      purposes: PURPOSES.map((purpose) => {
        const rows = counts.filter((c) => c.purpose === purpose);
        return {
          purpose,
          current: rows.reduce((sum, r) => sum + Number(r.current), 0),
          withdrawn: rows.reduce((sum, r) => sum + Number(r.withdrawn), 0),
          byBasis: Object.fromEntries(rows.map((r) => [r.basis, Number(r.current)])),
        };
      }),
      recentWithdrawals: withdrawals.map((w) => ({
        personId: w.personId,
        personCode: w.personCode,
        purpose: w.purpose,
        withdrawnAt: w.withdrawn_at!,
      })),
      openReferralsWithoutConsent: Number(referrals?.n ?? 0),
      openTracingWithoutConsent: Number(tracing?.n ?? 0),
    };
  });
}
