import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { bootPlans, bootScriptSource } from '../web/build/boot-script.js';

// A build's chunks as Vite hands them to the plugin: the entry, a page with a chunk of its own and
// one it shares with the entry, its strings per language, and the chart library.
const chunk = (fileName: string, facadeModuleId: string | null, imports: string[] = [], isEntry = false) => ({
  type: 'chunk' as const,
  fileName,
  facadeModuleId,
  imports,
  isEntry,
});
const bundle = {
  'assets/index-1.js': chunk('assets/index-1.js', '/w/index.html', ['assets/shared-1.js'], true),
  'assets/shared-1.js': chunk('assets/shared-1.js', null),
  'assets/Reports-1.js': chunk('assets/Reports-1.js', '/w/src/features/reporting/ReportsPage.tsx', [
    'assets/index-1.js',
    'assets/shared-1.js',
    'assets/Table-1.js',
  ]),
  'assets/Table-1.js': chunk('assets/Table-1.js', null, ['assets/index-1.js']),
  'assets/Chart-1.js': chunk('assets/Chart-1.js', '/w/src/features/reporting/EChart.tsx', [
    'assets/Table-1.js',
  ]),
  'assets/en-1.js': chunk('assets/en-1.js', '/w/src/features/reporting/locales/en.ts'),
  'assets/ar-1.js': chunk('assets/ar-1.js', '/w/src/features/reporting/locales/ar.ts'),
  'index.html': { type: 'asset', fileName: 'index.html' },
};
const routes = {
  '/reports': {
    modules: [
      { module: 'src/features/reporting/ReportsPage.tsx' },
      { module: 'src/features/reporting/EChart.tsx', lowPriority: true },
    ],
    strings: {
      module: 'src/features/reporting/locales/{locale}.ts',
      locales: ['en', 'ar'],
      storageKey: 'passerelle.locale',
      fallback: 'en',
    },
    request: { path: '/api/reports/overview', params: ['siteId', 'from'], permission: 'reports.read' },
  },
};

describe('boot script plan (web/build/boot-script.ts)', () => {
  it("preloads a page's chunks the entry does not bring, each once, the chart library last and at low priority", () => {
    const plan = bootPlans(bundle, routes)['/reports'];
    expect(plan?.preload).toEqual([
      ['/assets/Reports-1.js', false],
      ['/assets/Table-1.js', false],
      ['/assets/Chart-1.js', true],
    ]);
    expect(plan?.strings?.files).toEqual({ en: '/assets/en-1.js', ar: '/assets/ar-1.js' });
  });

  it('fails the build when a listed module has no chunk (a renamed page keeps no stale preload)', () => {
    expect(() =>
      bootPlans(bundle, { '/reports': { modules: [{ module: 'src/features/reporting/Gone.tsx' }] } }),
    ).toThrow(/no chunk for src\/features\/reporting\/Gone\.tsx/);
  });
});

/** Runs the generated script against a minimal page; returns what it asked for. */
async function runBoot(options: {
  path: string;
  search?: string;
  stored?: string | null;
  me: unknown;
  ok?: boolean;
}) {
  const fetched: string[] = [];
  const links: Array<{ href: string; fetchPriority?: string }> = [];
  const window: Record<string, unknown> = {};
  const body = JSON.stringify(options.me);
  const response = () => ({ ok: options.ok ?? true, clone: () => ({ json: async () => JSON.parse(body) }) });
  const context = {
    window,
    location: { pathname: options.path, search: options.search ?? '' },
    localStorage: { getItem: () => options.stored ?? null },
    document: {
      createElement: () => ({}),
      head: { appendChild: (link: { href: string; fetchPriority?: string }) => links.push(link) },
    },
    fetch: (url: string) => {
      fetched.push(url);
      return Promise.resolve(response());
    },
    URLSearchParams,
    setTimeout,
    Promise,
    JSON,
    Object,
  };
  runInNewContext(bootScriptSource(bootPlans(bundle, routes)), context);
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { fetched, links: links.map((l) => l.href), window };
}

const reader = {
  user: { locale: 'ar' },
  secondFactor: { satisfied: true },
  permissions: ['reports.read'],
};

describe('boot script at run time', () => {
  it("asks /api/me, preloads the page and both languages' strings, then sends the overview with the address's filter", async () => {
    const run = await runBoot({ path: '/reports', search: '?siteId=s1&other=x&from=2026-01-01', me: reader });
    expect(run.fetched).toEqual(['/api/me', '/api/reports/overview?siteId=s1&from=2026-01-01']);
    // The device's language (none stored: English) at once, the account's (Arabic) once known.
    expect(run.links).toEqual([
      '/assets/Reports-1.js',
      '/assets/Table-1.js',
      '/assets/Chart-1.js',
      '/assets/en-1.js',
      '/assets/ar-1.js',
    ]);
    const boot = run.window.__passerelleBoot as {
      requests: Record<string, unknown>;
      ready: Promise<unknown>;
    };
    // The app waits for \`ready\` before looking for the request: it is there by then.
    await boot.ready;
    expect(Object.keys(boot.requests)).toEqual(['/api/reports/overview?siteId=s1&from=2026-01-01']);
  });

  it('sends no overview for a user who may not read reports, or whose second factor is missing', async () => {
    const noPermission = await runBoot({ path: '/reports', me: { ...reader, permissions: [] } });
    expect(noPermission.fetched).toEqual(['/api/me']);
    const noSecondFactor = await runBoot({
      path: '/reports',
      stored: 'ar',
      me: { ...reader, secondFactor: { satisfied: false } },
    });
    expect(noSecondFactor.fetched).toEqual(['/api/me']);
    // The stored language is the account's: its strings once.
    expect(noSecondFactor.links.filter((href) => href.includes('ar-1'))).toHaveLength(1);
  });

  it('only asks /api/me on a path with no plan, and nothing more when signed out', async () => {
    const other = await runBoot({ path: '/people', me: reader });
    expect(other.fetched).toEqual(['/api/me']);
    expect(other.links).toEqual([]);
    const signedOut = await runBoot({ path: '/reports', me: null, ok: false });
    expect(signedOut.fetched).toEqual(['/api/me']);
  });
});
