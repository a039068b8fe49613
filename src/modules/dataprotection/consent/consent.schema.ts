import { z } from 'zod';

/** GET /api/data-protection/consents (the web imports this file: no server code here). */
export const ConsentOverviewResponse = z.object({
  purposes: z.array(
    z.object({
      purpose: z.string(),
      current: z.number(),
      withdrawn: z.number(),
      byBasis: z.record(z.string(), z.number()),
    }),
  ),
  recentWithdrawals: z.array(
    z.object({ personId: z.string(), personCode: z.string(), purpose: z.string(), withdrawnAt: z.string() }),
  ),
  openReferralsWithoutConsent: z.number(),
  openTracingWithoutConsent: z.number(),
});
