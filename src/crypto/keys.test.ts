import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CryptoError } from './errors.js';
import { deriveKeyRing, generateMasterKey, loadMasterKey, parseMasterKey } from './keys.js';

const posix = process.platform !== 'win32';
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'passerelle-keys-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('deriveKeyRing', () => {
  it('derives five distinct 32-byte keys, deterministically', () => {
    const master = generateMasterKey();
    const ring = deriveKeyRing(master);
    const keys = [ring.dataKeyWrapping, ring.blindIndex, ring.audit, ring.backup, ring.session];
    for (const key of keys) expect(key.length).toBe(32);
    expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(5);
    expect(keys.some((k) => k.equals(master))).toBe(false);
    expect(deriveKeyRing(Buffer.from(master)).audit.equals(ring.audit)).toBe(true);
    expect(ring.version).toBe(1);
    expect(deriveKeyRing(master, 3).version).toBe(3);
  });

  it('gives different rings for different master keys', () => {
    expect(deriveKeyRing(generateMasterKey()).audit.equals(deriveKeyRing(generateMasterKey()).audit)).toBe(
      false,
    );
  });

  it('matches RFC 5869 HKDF computed independently (Python hmac), so derivation cannot drift', () => {
    // Changing info strings or salt would make every stored ciphertext unreadable.
    const ring = deriveKeyRing(Buffer.alloc(32, 7));
    expect(ring.dataKeyWrapping.toString('hex')).toBe(
      'ac0c36b1ef5ca98ccd7cf25f297da43981341bc2bc97d94cb2c58843e12ccefb',
    );
    expect(ring.blindIndex.toString('hex')).toBe(
      'e69ba82cfa8b50848894d10432b9b787c7b87bc3487819129f6b388bb49be542',
    );
  });

  it('refuses a master key that is not 32 bytes, and a bad version', () => {
    expect(() => deriveKeyRing(Buffer.alloc(16))).toThrow(CryptoError);
    expect(() => deriveKeyRing(Buffer.alloc(33))).toThrow(CryptoError);
    expect(() => deriveKeyRing(Buffer.alloc(32), 0)).toThrow(CryptoError);
    expect(() => deriveKeyRing(Buffer.alloc(32), 1.5)).toThrow(CryptoError);
  });
});

describe('parseMasterKey', () => {
  const key = generateMasterKey();

  it('accepts standard and url-safe base64, padded or not, with surrounding whitespace', () => {
    const standard = key.toString('base64');
    for (const text of [standard, key.toString('base64url'), standard.replace(/=+$/, ''), ` ${standard}\n`]) {
      expect(parseMasterKey(text).equals(key)).toBe(true);
    }
  });

  it('explains how to generate a key, without echoing the value', () => {
    const short = Buffer.alloc(16, 1).toString('base64');
    for (const bad of ['', '   ', 'not base64!', short, Buffer.alloc(48, 1).toString('base64')]) {
      let error: unknown;
      try {
        parseMasterKey(bad);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CryptoError);
      expect((error as Error).message).toContain('openssl rand -base64 32');
      if (bad.trim()) expect((error as Error).message).not.toContain(bad);
    }
    expect(() => parseMasterKey(short)).toThrow(/exactly 32 bytes \(got 16\)/);
  });
});

describe('loadMasterKey', () => {
  it('creates the key file with mode 0600 on first start and reuses it afterwards', () => {
    const dataDir = join(dir, 'nested', 'data');
    const first = loadMasterKey({ dataDir });
    expect(first).toMatchObject({ source: 'file', created: true, path: join(dataDir, 'master.key') });
    expect(first.key.length).toBe(32);
    if (posix) expect(statSync(join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
    expect(parseMasterKey(readFileSync(join(dataDir, 'master.key'), 'utf8')).equals(first.key)).toBe(true);

    const second = loadMasterKey({ dataDir });
    expect(second.created).toBe(false);
    expect(second.key.equals(first.key)).toBe(true);
  });

  it('prefers the environment value over the file, and does not create a file then', () => {
    const envKey = generateMasterKey();
    const fromEnv = loadMasterKey({ envValue: envKey.toString('base64'), dataDir: dir });
    expect(fromEnv).toEqual({ key: envKey, source: 'env', created: false });
    expect(existsSync(join(dir, 'master.key'))).toBe(false);

    const fileKey = loadMasterKey({ dataDir: dir }).key;
    const again = loadMasterKey({ envValue: envKey.toString('base64'), dataDir: dir });
    expect(again.key.equals(envKey)).toBe(true);
    expect(again.key.equals(fileKey)).toBe(false);
  });

  it('names the variable and how to fix a bad environment value', () => {
    for (const envValue of ['short', '', Buffer.alloc(31).toString('base64')]) {
      expect(() => loadMasterKey({ envValue, dataDir: dir })).toThrow(CryptoError);
      expect(() => loadMasterKey({ envValue, dataDir: dir })).toThrow(
        /PASSERELLE_MASTER_KEY: .*openssl rand -base64 32/,
      );
    }
    expect(existsSync(join(dir, 'master.key'))).toBe(false);
  });

  it.skipIf(!posix)('refuses a key file that other users can read', () => {
    const path = join(dir, 'master.key');
    writeFileSync(path, generateMasterKey().toString('base64'), { mode: 0o644 });
    chmodSync(path, 0o644);
    expect(() => loadMasterKey({ dataDir: dir })).toThrow(CryptoError);
    expect(() => loadMasterKey({ dataDir: dir })).toThrow(`chmod 600 ${path}`);
    chmodSync(path, 0o640);
    expect(() => loadMasterKey({ dataDir: dir })).toThrow(/mode 0640/);
    chmodSync(path, 0o600);
    expect(loadMasterKey({ dataDir: dir }).created).toBe(false);
  });

  it('refuses, and never overwrites, a key file with invalid content', () => {
    const path = join(dir, 'master.key');
    writeFileSync(path, 'garbage\n', { mode: 0o600 });
    expect(() => loadMasterKey({ dataDir: dir })).toThrow(/does not hold a valid master key/);
    expect(readFileSync(path, 'utf8')).toBe('garbage\n');
  });

  it('waits for a key file that another process is still writing', async () => {
    const path = join(dir, 'master.key');
    const key = generateMasterKey();
    writeFileSync(path, '', { mode: 0o600 });
    // A separate process fills the file while loadMasterKey blocks this one.
    const writer = spawn(process.execPath, [
      '-e',
      `setTimeout(() => require('node:fs').writeFileSync(${JSON.stringify(path)}, ${JSON.stringify(
        key.toString('base64'),
      )}), 300)`,
    ]);
    const started = new Promise((resolve) => writer.once('spawn', resolve));
    await started;
    const loaded = loadMasterKey({ dataDir: dir });
    expect(loaded.key.equals(key)).toBe(true);
    expect(loaded.created).toBe(false);
    await new Promise((resolve) => writer.once('exit', resolve));
  });

  it('gives every process the same key when several start on an empty data dir', async () => {
    const dataDir = join(dir, 'shared');
    const script = `
      import { loadMasterKey } from ${JSON.stringify(new URL('./keys.ts', import.meta.url).href)};
      const r = loadMasterKey({ dataDir: ${JSON.stringify(dataDir)} });
      process.stdout.write(JSON.stringify({ key: r.key.toString('hex'), created: r.created }));
    `;
    const runs = Array.from({ length: 6 }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
      });
      return new Promise<{ key: string; created: boolean }>((resolve, reject) => {
        child.once('exit', (code) =>
          code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`exit ${code}`)),
        );
      });
    });
    const results = await Promise.all(runs);
    expect(new Set(results.map((r) => r.key)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(loadMasterKey({ dataDir }).key.toString('hex')).toBe(results[0]!.key);
  }, 30_000);
});
