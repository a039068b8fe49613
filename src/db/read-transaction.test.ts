import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testEngines } from '../../test/helpers/engines.js';
import { readTransaction } from './read-transaction.js';

async function synchronousSetting(db: TestDatabase['db']): Promise<number> {
  const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
  return Number(rows[0]!.synchronous);
}

const FULL = 2;

for (const engine of testEngines()) {
  describe(`readTransaction on ${engine}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(engine);
      await sql`create table read_marks (note text not null)`.execute(database.db);
    });
    afterAll(async () => database.destroy());

    it('commits what it wrote, with the rest of the transaction', async () => {
      const seen = await readTransaction(database.db, async (trx) => {
        await sql`insert into read_marks (note) values ('read')`.execute(trx);
        return 'done';
      });
      expect(seen).toBe('done');
      const { rows } = await sql<{ n: number }>`select count(*) as n from read_marks`.execute(database.db);
      expect(Number(rows[0]!.n)).toBe(1);
    });

    it('rolls everything back when the work fails', async () => {
      await expect(
        readTransaction(database.db, async (trx) => {
          await sql`insert into read_marks (note) values ('lost')`.execute(trx);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      const { rows } = await sql<{
        n: number;
      }>`select count(*) as n from read_marks where note = 'lost'`.execute(database.db);
      expect(Number(rows[0]!.n)).toBe(0);
    });

    if (engine === 'sqlite') {
      it('leaves the connection waiting for the disk again, after success and after failure', async () => {
        expect(await synchronousSetting(database.db)).toBe(FULL);
        await readTransaction(database.db, async () => undefined);
        expect(await synchronousSetting(database.db)).toBe(FULL);
        await readTransaction(database.db, async () => {
          throw new Error('refused');
        }).catch(() => undefined);
        expect(await synchronousSetting(database.db)).toBe(FULL);
      });
    } else {
      it('relaxes the commit of this transaction only', async () => {
        const inside = await readTransaction(database.db, async (trx) => {
          const { rows } = await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(trx);
          return rows[0]!.synchronous_commit;
        });
        expect(inside).toBe('off');
        const { rows } = await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(
          database.db,
        );
        expect(rows[0]!.synchronous_commit).toBe('on');
      });
    }
  });
}
