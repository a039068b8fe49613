/**
 * npm run bench:info -- [--runs 3] [--port 0]
 * Transferred bytes and first contentful paint of the public information pages in Chromium under
 * emulated slow mobile networks (CDP Network.emulateNetworkConditions), cold cache and warm
 * (stylesheet cached). Serves the demo articles from a temporary SQLite database.
 * Writes bench/results/info.json.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { deriveKeyRing } from '../src/crypto/index.js';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { SYSTEM_ACTOR } from '../src/modules/access/actor.js';
import { createOrganisation, createUser } from '../src/modules/access/users.service.js';
import { informationSeeder } from '../src/modules/information/information.seed.js';
import { buildApp } from '../src/server/app.js';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../test/helpers/chromium.js';

const FONT_DIR = 'src/modules/information/public-assets/fonts';

/**
 * "Slow 3G" as Chrome DevTools and Puppeteer define it (500 kbit/s × 0.8 each way, 400 ms × 5
 * latency per request), and WebPageTest's "3G Slow" (400 kbit/s, 400 ms round trip). The
 * DevTools profile adds 2 s to every request, so no page can paint before about 2 s under it.
 */
const PROFILES = [
  {
    name: 'devtools-slow-3g',
    latency: 2000,
    downloadThroughput: (500_000 / 8) * 0.8,
    uploadThroughput: (500_000 / 8) * 0.8,
  },
  { name: 'wpt-3g-slow', latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 },
] as const;

const PAGES = [
  '/info',
  '/info/ar',
  '/info/ar/asylum-in-france',
  '/info/ps/family-reunification',
  '/info/ti/children-alone',
  '/info/fr/reception-centres',
  '/info/ar/asylum-in-france/leaflet',
];

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
};

async function startServer() {
  const path = join(tmpdir(), `passerelle-bench-info-${process.pid}-${randomBytes(3).toString('hex')}.db`);
  const db = connect({ engine: 'sqlite', location: path });
  await migrateToLatest(db);
  const keys = deriveKeyRing(randomBytes(32));
  const ctx = { db, keys, now: () => new Date(), actor: SYSTEM_ACTOR };
  const org = await createOrganisation(ctx, {
    slug: 'demo-ngo',
    name: 'Bench NGO',
    kind: 'ngo',
    isDemo: true,
  });
  const officer = await createUser(ctx, {
    email: 'information@bench.example',
    name: 'Bench',
    roles: ['information_officer'],
    password: randomBytes(18).toString('base64url'),
    orgId: org.id,
  });
  await informationSeeder.seed({
    ctx,
    orgIds: { 'demo-ngo': org.id },
    userIds: { 'information@demo.passerelle.example': officer.id },
    people: 0,
    progress: () => undefined,
  });
  const app = await buildApp({ db, keys, now: () => new Date(), demoMode: true, instanceId: 'bench' });
  const address = await app.listen({ port: Number(arg('port', '0')), host: '127.0.0.1' });
  return {
    baseUrl: address.replace('localhost', '127.0.0.1'),
    async stop() {
      await app.close();
      await db.destroy();
      for (const ext of ['', '-wal', '-shm']) rmSync(`${path}${ext}`, { force: true });
    },
  };
}

interface Load {
  fcpMs: number;
  bytes: number;
  fontBytes: number;
  requests: number;
}

/** Loads a page twice in one fresh profile: cold (nothing cached), then warm (only the HTML fetched). */
async function measure(
  browser: Browser,
  url: string,
  profile: (typeof PROFILES)[number],
): Promise<{ cold: Load; warm: Load }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    ...profile,
    connectionType: 'cellular3g',
  });
  const types = new Map<string, string>();
  let sizes: Array<{ type: string; bytes: number }> = [];
  cdp.on('Network.responseReceived', (event) => types.set(event.requestId, event.response.mimeType));
  cdp.on('Network.loadingFinished', (event) =>
    sizes.push({ type: types.get(event.requestId) ?? '', bytes: event.encodedDataLength }),
  );
  const load = async (target: string): Promise<Load> => {
    sizes = [];
    await page.goto(target, { waitUntil: 'load', timeout: 120_000 });
    // A string, not a function: tsx would wrap a function in helpers the page does not have.
    const fcp = Number(
      await page.evaluate(`new Promise((resolve) => {
        const poll = () => {
          const entry = performance.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolve(entry.startTime);
          else setTimeout(poll, 50);
        };
        poll();
      })`),
    );
    // Fonts load after first paint (font-display: swap); wait for them so their bytes are counted.
    await page.evaluate('document.fonts.ready.then(() => true)');
    await page.waitForTimeout(200);
    const fontBytes = sizes.filter((s) => s.type.startsWith('font/')).reduce((n, s) => n + s.bytes, 0);
    return {
      fcpMs: Math.round(fcp),
      bytes: sizes.reduce((n, s) => n + s.bytes, 0),
      fontBytes,
      requests: sizes.length,
    };
  };
  const cold = await load(url);
  // The page again under a new address: its HTML is fetched anew, the stylesheet and fonts come
  // from the cache, as for the second page a reader opens.
  const warm = await load(`${url}?again=1`);
  await context.close();
  return { cold, warm };
}

async function main() {
  const runs = Number(arg('runs', '3'));
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_FLAGS,
    headless: true,
  });
  const version = browser.version();
  const results = [];
  try {
    for (const profile of PROFILES) {
      for (const path of PAGES) {
        const samples = [];
        for (let run = 0; run < runs; run += 1)
          samples.push(await measure(browser, `${server.baseUrl}${path}`, profile));
        const cold = samples.map((s) => s.cold);
        const row = {
          profile: profile.name,
          path,
          runs,
          coldFcpMs: median(cold.map((s) => s.fcpMs)),
          warmFcpMs: median(samples.map((s) => s.warm.fcpMs)),
          transferredBytes: median(cold.map((s) => s.bytes)),
          bytesBeforeFonts: median(cold.map((s) => s.bytes - s.fontBytes)),
          fontBytes: median(cold.map((s) => s.fontBytes)),
          requests: median(cold.map((s) => s.requests)),
          coldFcpSamplesMs: cold.map((s) => s.fcpMs),
        };
        results.push(row);
        process.stderr.write(
          `${profile.name} ${path}: FCP cold ${row.coldFcpMs} ms, warm ${row.warmFcpMs} ms, ${row.bytesBeforeFonts} B + fonts ${row.fontBytes} B\n`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const output = {
    benchmark: 'info',
    date: new Date().toISOString(),
    chromium: version,
    node: process.version,
    commit: (() => {
      try {
        return execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
      } catch {
        return null;
      }
    })(),
    profiles: PROFILES,
    // What a device without these Noto fonts installed downloads (once, then cached for a year).
    fontFiles: Object.fromEntries(
      readdirSync(FONT_DIR)
        .filter((f) => f.endsWith('.woff2'))
        .map((f) => [f, statSync(join(FONT_DIR, f)).size]),
    ),
    note: 'Medians over runs; cold = new browser profile, warm = the page under a new address in the same profile (HTML fetched, stylesheet and fonts cached). Bytes are encoded (on the wire) sizes, HTML served uncompressed. fontBytes is 0 where the machine has the Noto fonts installed (local() in info.css).',
    results,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/info.json', `${JSON.stringify(output, null, 2)}\n`);
  console.table(results.map(({ coldFcpSamplesMs: _s, runs: _r, ...row }) => row));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
