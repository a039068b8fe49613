import { ApiError, api, setCsrfToken } from '../../api/client';
import type { Me } from '../../api/types';
import { enforceWipeRules, wipeFor } from './device';
import { LOCAL, markQueued, queuedChanges, unqueue } from './queue';
import type { ChangeOutcome, OfflineProfile, OpenConflict, QueuedChange, SyncAnswer } from './types';
import { all, get, put, readDevice, remove, updateDevice } from './vault';

/** The server takes at most this many changes per request (MAX_CHANGES_PER_SYNC). */
const BATCH = 500;

export type SyncProblem = 'offline' | 'signed_out' | 'revoked' | 'no_device' | 'server';

export class SyncFailure extends Error {
  constructor(
    readonly problem: SyncProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface SyncProgress {
  sent: number;
  total: number;
}

export interface SyncReport {
  applied: number;
  conflicts: number;
  waiting: number;
  failed: number;
  rejected: number;
  queuedForReview: number;
}

export const EMPTY_PROFILE: OfflineProfile = { offlineActions: [], marked: [], cases: [] };
export const readProfile = async () => (await get<OfflineProfile>('profile', 'me')) ?? EMPTY_PROFILE;

function toFailure(error: unknown): SyncFailure {
  if (error instanceof SyncFailure) return error;
  if (error instanceof ApiError) {
    if (error.isNetwork) return new SyncFailure('offline', error.message);
    if (error.status === 401) return new SyncFailure('signed_out', error.message);
    if (error.details.some((d) => (d as { code?: string }).code === 'device_revoked'))
      return new SyncFailure('revoked', error.message);
    return new SyncFailure('server', error.message);
  }
  return new SyncFailure('server', error instanceof Error ? error.message : String(error));
}

async function recordOutcome(item: QueuedChange | undefined, result: ChangeOutcome, report: SyncReport) {
  const { changeId } = result;
  switch (result.status) {
    case 'applied':
    case 'conflict': {
      report.applied += result.status === 'applied' ? 1 : 0;
      report.queuedForReview += result.queuedForReview;
      if (result.status === 'conflict' || result.conflicts.length > 0) {
        report.conflicts += 1;
        const conflict: OpenConflict = {
          changeId,
          personId: result.entity?.id ?? '',
          version: result.entity?.version ?? null,
          label: item?.summary ?? result.entity?.code ?? '',
          conflicts: result.conflicts,
          recordedAt: item?.change.recordedAt ?? new Date().toISOString(),
        };
        await put('conflicts', changeId, conflict);
      }
      if (result.kind === 'person.create') await remove('local-people', changeId);
      await unqueue(changeId);
      return;
    }
    case 'waiting':
      report.waiting += 1;
      await markQueued(changeId, 'waiting');
      return;
    case 'rejected':
      report.rejected += 1;
      await markQueued(changeId, 'rejected', result.error?.message);
      return;
    case 'failed':
      report.failed += 1;
      await markQueued(changeId, 'failed', result.error?.message);
  }
}

/**
 * Sends every queued change (in batches, oldest first), records each outcome, and refreshes the
 * people kept for offline use with what the server now sends for this user. Safe to repeat: the
 * server applies each change id once, so a sync cut halfway is simply run again.
 */
export async function runSync(onProgress: (progress: SyncProgress) => void): Promise<SyncReport> {
  const device = await readDevice();
  if (!device) throw new SyncFailure('no_device', 'This device is not prepared for offline work.');
  const report: SyncReport = {
    applied: 0,
    conflicts: 0,
    waiting: 0,
    failed: 0,
    rejected: 0,
    queuedForReview: 0,
  };
  try {
    const me = await api.get<Me>('/api/me');
    setCsrfToken(me.csrfToken);
    if (me.user.id !== device.userId) {
      throw new SyncFailure('signed_out', 'Another user is signed in on this browser.');
    }
    const queue = (await queuedChanges()).filter((item) => item.state !== 'rejected');
    const byId = new Map(queue.map((item) => [item.change.id, item]));
    const profile = await readProfile();
    const createdHere = queue
      .filter((i) => i.change.kind === 'person.create')
      .map((i) => `${LOCAL}${i.change.id}`);
    const offlinePeople = [...new Set([...profile.marked, ...createdHere])].slice(0, 1000);
    onProgress({ sent: 0, total: queue.length });
    let answer: SyncAnswer | null = null;
    for (let start = 0; start === 0 || start < queue.length; start += BATCH) {
      const batch = queue.slice(start, start + BATCH);
      const last = start + BATCH >= queue.length;
      answer = await api.post<SyncAnswer>('/api/sync', {
        deviceId: device.deviceId,
        changes: batch.map((item) => item.change),
        offlinePeople: last ? offlinePeople : [],
      });
      for (const result of answer.results) await recordOutcome(byId.get(result.changeId), result, report);
      onProgress({ sent: Math.min(start + batch.length, queue.length), total: queue.length });
    }
    if (answer) await keepAnswer(answer, profile);
    return report;
  } catch (error) {
    const failure = toFailure(error);
    if (failure.problem === 'revoked') await wipeFor('revoked');
    // Revoking a device also ends its session: ask with the device secret whether that is why.
    if (failure.problem === 'signed_out' && (await enforceWipeRules()) === 'revoked') {
      throw new SyncFailure('revoked', failure.message);
    }
    throw failure;
  }
}

/** Replaces the offline copies with the server's, and learns the policy and allowed actions. */
async function keepAnswer(answer: SyncAnswer, profile: OfflineProfile) {
  const kept = new Set(answer.people.map((p) => p.id));
  for (const person of await all<{ id: string }>('people')) {
    if (!kept.has(person.id)) await remove('people', person.id);
  }
  for (const person of answer.people) await put('people', person.id, person);
  // People registered here stay available offline once the server has them.
  const marked = [...new Set([...profile.marked, ...answer.people.map((p) => p.id)])].filter(
    (id) => !answer.gone.includes(id),
  );
  await put('profile', 'me', {
    offlineActions: answer.offlineActions,
    marked,
    cases: answer.cases,
  } satisfies OfflineProfile);
  await updateDevice({ lastSyncAt: answer.serverTime, wipeAfterDays: answer.policy.wipeAfterDays });
}
