/// <reference types="vite/client" />
import type { Role } from '../../../src/modules/access/roles.js';
import { EVERY_ROLE, type MatrixRow } from '../matrix/types.js';

const modules = import.meta.glob<{ rows: MatrixRow[] }>('../matrix/*.ts', { eager: true });

/** Every module's matrix rows (test/security/matrix/<module>.ts). */
export const MATRIX: MatrixRow[] = Object.entries(modules)
  .filter(([path]) => !path.endsWith('/types.ts'))
  .flatMap(([, module]) => module.rows);

/** The roles a route's matrix row lets through ('self' routes: everyone signed in). */
export function allowedRoles(method: string, url: string): Role[] {
  const row = MATRIX.find((r) => r.method === method && r.url === url);
  if (!row || row.allow === 'public') return [];
  return row.allow === 'self' ? [...EVERY_ROLE] : [...row.allow];
}
