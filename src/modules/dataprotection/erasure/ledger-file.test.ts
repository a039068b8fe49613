import { randomBytes } from 'node:crypto';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/harness.js';
import { deriveKeyRing, ledgerKeys, timeOrderedId, withPreviousRings } from '../../../crypto/index.js';
import { type LedgerEntry, recordInLedger } from './erasure-ledger.js';
import { appendToLedgerFile, readLedgerFile, reconcileLedgerFile, scanLedgerFile } from './ledger-file.js';

/*
 * The erasure ledger file on its own: repaired after a crash between an erasure's commit and its
 * append (and after a line torn by a crash), and still readable after a master key rotation.
 */

const entry = (subjectId = timeOrderedId(Date.now())): LedgerEntry => ({
  subjectType: 'person',
  subjectId,
  erasedAt: new Date().toISOString(),
  source: 'erasure_request',
  sourceId: timeOrderedId(Date.now()),
});

describeEngines('erasure ledger file', (h) => {
  let path = '';
  afterEach(() => rmSync(path, { force: true }));
  const freshPath = () => {
    path = join(tmpdir(), `passerelle-ledger-unit-${randomBytes(4).toString('hex')}.jsonl`);
    return path;
  };

  it('writes what the table has and the file lacks (a crash after the commit), once', async () => {
    const file = freshPath();
    const before = entry();
    await appendToLedgerFile(file, h.keys, [before]);
    // Committed to the table, but the process died before appending to the file.
    const lost = entry();
    await h.db.transaction().execute((trx) => recordInLedger(trx, [before, lost]));
    expect(readFileSync(file, 'utf8')).not.toContain(lost.subjectId);

    expect(await reconcileLedgerFile(h.db, h.keys, file)).toMatchObject({ written: expect.any(Number) });
    const ids = (await readLedgerFile(file, ledgerKeys(h.keys), 'ledger')).map((e) => e.subjectId);
    expect(ids).toEqual(expect.arrayContaining([before.subjectId, lost.subjectId]));
    expect(await reconcileLedgerFile(h.db, h.keys, file)).toEqual({ written: 0, problems: [] });
  });

  it('cuts a line torn by a crash off the end before appending, so no line is lost', async () => {
    const file = freshPath();
    const first = entry();
    await appendToLedgerFile(file, h.keys, [first]);
    appendFileSync(file, '{"v":1,"subjectType":"per');
    await reconcileLedgerFile(h.db, h.keys, file);
    const scan = await scanLedgerFile(file, ledgerKeys(h.keys));
    expect(scan.problems).toEqual([]);
    expect(scan.entries.map((e) => e.subjectId)).toContain(first.subjectId);
  });

  it('reads lines signed before a key rotation, and signs them again under the new key', async () => {
    const file = freshPath();
    const oldRing = deriveKeyRing(randomBytes(32), 1);
    const old = entry();
    await appendToLedgerFile(file, oldRing, [old]);
    const newRing = deriveKeyRing(randomBytes(32), 2);

    // With the new key alone, a line under the old one cannot be checked: refused, naming the fix.
    await expect(readLedgerFile(file, ledgerKeys(newRing), 'ledger')).rejects.toThrow(
      /line 1 is signed under a master key that is not loaded \(set PASSERELLE_PREVIOUS_MASTER_KEY/,
    );
    // While the rotation runs (both keys), a start re-signs it; then the new key alone suffices.
    const rotating = withPreviousRings(newRing, [oldRing]);
    const { written } = await reconcileLedgerFile(h.db, rotating, file);
    expect(written).toBeGreaterThanOrEqual(1);
    const entries = await readLedgerFile(file, ledgerKeys(newRing), 'ledger');
    expect(entries.map((e) => e.subjectId)).toContain(old.subjectId);
  });

  it('refuses an altered line, naming it', async () => {
    const file = freshPath();
    await appendToLedgerFile(file, h.keys, [entry(), entry()]);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[1] = lines[1]!.replace('erasure_request', 'retention');
    appendFileSync(`${file}.bad`, lines.join('\n'));
    try {
      await expect(readLedgerFile(`${file}.bad`, ledgerKeys(h.keys), 'ledger')).rejects.toThrow(
        /line 2 fails its HMAC check: it was altered or forged\. Nothing was restored\./,
      );
    } finally {
      rmSync(`${file}.bad`, { force: true });
    }
  });
});
