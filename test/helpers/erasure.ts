import { expect } from 'vitest';
import type { TestUser } from './harness.js';

/** Erases a person through the real flow: one data protection officer files, a second approves. */
export async function eraseWithTwoOfficers(
  filer: TestUser,
  approver: TestUser,
  personId: string,
): Promise<void> {
  const filed = await filer.api.post('/api/data-protection/erasure-requests', {
    personId,
    ground: 'consent_withdrawn',
  });
  expect(
    (await approver.api.post(`/api/data-protection/erasure-requests/${filed.body.id}/approve`)).status,
  ).toBe(200);
}
