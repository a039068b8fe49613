/// <reference types="vite/client" />
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/modules/access/roles.js';
import { describeEngines, type TestUser } from '../helpers/harness.js';
import { EVERY_ROLE, type MatrixRow } from './matrix/types.js';

const modules = import.meta.glob<{ rows: MatrixRow[] }>('./matrix/*.ts', { eager: true });
const MATRIX: MatrixRow[] = Object.entries(modules)
  .filter(([path]) => !path.endsWith('/types.ts'))
  .flatMap(([, module]) => module.rows);

const key = (method: string, url: string) => `${method} ${url}`;
const sampleUrl = (url: string) =>
  url.replace(/:[A-Za-z]+/g, 'zzzzzzzzzzzzzzzzzzzzzzzzzz').replace('/*', '/anything');

describe('authorization matrix', () => {
  it('has exactly one row per route', () => {
    const seen = new Set<string>();
    for (const row of MATRIX) {
      expect(seen.has(key(row.method, row.url)), `duplicate row ${key(row.method, row.url)}`).toBe(false);
      seen.add(key(row.method, row.url));
    }
  });
});

describeEngines('authorization matrix', (h) => {
  const users = new Map<Role, TestUser>();

  beforeAll(async () => {
    const org = await h.createOrg();
    for (const role of EVERY_ROLE) users.set(role, await h.createUser([role], org.id));
  });

  it('every registered route declares a permission and has a matrix row', () => {
    const declared = h.routes.filter((r) => r.url !== '/*');
    expect(declared.length).toBeGreaterThan(10);
    const rows = new Set(MATRIX.map((r) => key(r.method, r.url)));
    const missing = declared.filter((r) => !rows.has(key(r.method, r.url))).map((r) => key(r.method, r.url));
    expect(missing, 'routes without a matrix row').toEqual([]);
    const stale = MATRIX.filter((r) => !declared.some((d) => d.method === r.method && d.url === r.url));
    expect(
      stale.map((r) => key(r.method, r.url)),
      'matrix rows for routes that do not exist',
    ).toEqual([]);
  });

  it('answers 401 to every non-public route without credentials', { timeout: 120_000 }, async () => {
    for (const row of MATRIX.filter((r) => r.allow !== 'public')) {
      const response = await h
        .client()
        .request(row.method, sampleUrl(row.url), row.method === 'GET' ? undefined : {});
      expect(response.status, key(row.method, row.url)).toBe(401);
    }
  });

  // Every route × every role: long on a loaded machine, so a generous limit.
  it('answers 403 to roles outside the row and lets the listed roles through', {
    timeout: 240_000,
  }, async () => {
    for (const row of MATRIX.filter((r) => r.allow !== 'public')) {
      for (const role of EVERY_ROLE) {
        const user = users.get(role)!;
        const response = await user.api.request(
          row.method,
          sampleUrl(row.url),
          row.method === 'GET' ? undefined : {},
        );
        const allowed = row.allow === 'self' || (row.allow as readonly Role[]).includes(role);
        const label = `${key(row.method, row.url)} as ${role} → ${response.status} ${response.raw.slice(0, 200)}`;
        if (allowed) expect([401, 403], label).not.toContain(response.status);
        else expect(response.status, label).toBe(403);
        expect(response.status, label).toBeLessThan(500);
      }
    }
  });
});
