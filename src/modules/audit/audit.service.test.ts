import { describe, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/harness.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { recordAudit, verifyAuditChain } from './audit.service.js';

describeEngines('audit chain', (h) => {
  async function appendEntries(count: number) {
    await h.db.transaction().execute(async (trx) => {
      for (let i = 0; i < count; i += 1) {
        await recordAudit(
          trx,
          { ...h.systemContext(), actor: SYSTEM_ACTOR },
          {
            action: 'test.event',
            entity: 'test',
            entityId: `e${i}`,
            details: { i },
          },
        );
      }
    });
  }

  async function maxSeq(): Promise<number> {
    const row = await h.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('seq').as('m'))
      .executeTakeFirst();
    return Number(row?.m ?? 0);
  }

  it('verifies an intact chain, gapless from 1', async () => {
    await appendEntries(12);
    const verdict = await verifyAuditChain(h.db, h.keys);
    expect(verdict).toEqual({ ok: true, checked: await maxSeq() });
    const seqs = (await h.db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) =>
      Number(r.seq),
    );
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('appends without gaps under concurrent transactions', async () => {
    const before = await maxSeq();
    await Promise.all(Array.from({ length: 8 }, () => appendEntries(3)));
    expect(await maxSeq()).toBe(before + 24);
    expect((await verifyAuditChain(h.db, h.keys)).ok).toBe(true);
  });

  it('names an altered entry', async () => {
    await appendEntries(3);
    const target = (await maxSeq()) - 1;
    await h.db.updateTable('audit_log').set({ action: 'test.innocent' }).where('seq', '=', target).execute();
    const verdict = await verifyAuditChain(h.db, h.keys);
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBadSeq).toBe(target);
    expect(verdict.problem).toMatch(/altered/);
    await h.db.updateTable('audit_log').set({ action: 'test.event' }).where('seq', '=', target).execute();
    expect((await verifyAuditChain(h.db, h.keys)).ok).toBe(true);
  });

  it('names a removed entry', async () => {
    await appendEntries(3);
    const target = (await maxSeq()) - 1;
    const row = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', target)
      .executeTakeFirstOrThrow();
    await h.db.deleteFrom('audit_log').where('seq', '=', target).execute();
    const verdict = await verifyAuditChain(h.db, h.keys);
    expect(verdict).toMatchObject({ ok: false, firstBadSeq: target });
    expect(verdict.problem).toMatch(/missing/);
    await h.db.insertInto('audit_log').values(row).execute();
    expect((await verifyAuditChain(h.db, h.keys)).ok).toBe(true);
  });

  it('names reordered entries', async () => {
    await appendEntries(3);
    const last = await maxSeq();
    const a = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', last - 1)
      .executeTakeFirstOrThrow();
    const b = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', last)
      .executeTakeFirstOrThrow();
    const swap = async (x: typeof a, y: typeof a) => {
      const { seq: _s, ...rest } = y;
      await h.db.updateTable('audit_log').set(rest).where('seq', '=', x.seq).execute();
    };
    await swap(a, b);
    await swap(b, a);
    const verdict = await verifyAuditChain(h.db, h.keys);
    expect(verdict).toMatchObject({ ok: false, firstBadSeq: last - 1 });
    await swap(a, a);
    await swap(b, b);
    expect((await verifyAuditChain(h.db, h.keys)).ok).toBe(true);
  });

  it('notices entries cut from the end', async () => {
    await appendEntries(2);
    const last = await maxSeq();
    await h.db.deleteFrom('audit_log').where('seq', '=', last).execute();
    const verdict = await verifyAuditChain(h.db, h.keys);
    expect(verdict).toMatchObject({ ok: false, firstBadSeq: last });
    expect(verdict.problem).toMatch(/removed from the end/);
  });

  it('holds no personal data: entries are actions on ids', async () => {
    const columns = Object.keys(
      await h.db.selectFrom('audit_log').selectAll().limit(1).executeTakeFirstOrThrow(),
    ).sort();
    expect(columns).toEqual(
      [
        'action',
        'actor_id',
        'at',
        'details',
        'entity',
        'entity_id',
        'hash',
        'org_id',
        'purpose',
        'request_id',
        'seq',
      ].sort(),
    );
  });
});

describe('audit chain key', () => {
  it('depends on the audit key', async () => {
    const { chainHash } = await import('./audit.chain.js');
    const fields = {
      seq: 1,
      at: '2026-01-01T00:00:00.000Z',
      actor_id: null,
      org_id: null,
      action: 'x',
      entity: 'y',
      entity_id: null,
      purpose: null,
      details: null,
      request_id: null,
    };
    expect(chainHash(Buffer.alloc(32, 1), '0', fields)).not.toBe(chainHash(Buffer.alloc(32, 2), '0', fields));
  });
});

describeEngines('audit batches', (h) => {
  it('chains a batch exactly like single appends', async () => {
    const { recordAudits } = await import('./audit.service.js');
    await h.db.transaction().execute((trx) =>
      recordAudits(
        trx,
        { ...h.systemContext(), actor: SYSTEM_ACTOR },
        Array.from({ length: 7 }, (_, i) => ({ action: 'test.batch', entity: 'test', entityId: `b${i}` })),
      ),
    );
    await h.db
      .transaction()
      .execute((trx) =>
        recordAudit(
          trx,
          { ...h.systemContext(), actor: SYSTEM_ACTOR },
          { action: 'test.single', entity: 'test' },
        ),
      );
    const verdict = await verifyAuditChain(h.db, h.keys);
    expect(verdict).toMatchObject({ ok: true, checked: 8 });
  });
});
