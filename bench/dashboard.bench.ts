/**
 * npm run bench:dashboard -- [--runs 7] [--web NAME=DIR ...] [--people 2000] [--label NAME]
 *
 * Issue 10: "a dashboard page with charts … that loads in under 1 second on the demo data".
 * Serves the app the way `npm start` does (the CLI's `serve --demo-if-empty`: the demo scenario on a
 * fresh SQLite database, 2,000 people) and opens /reports in Debian's Chromium through
 * playwright-core, signed in as the demo analyst (English, desktop) and the demo site monitor (Arabic,
 * right to left, phone). Every time is read inside the page (performance.now(), a MutationObserver
 * installed before the app starts), so Playwright's polling adds nothing:
 *
 *  - figures:      the eight key figures are on screen
 *  - firstChart:   the first chart has drawn text
 *  - screenCharts: every chart section within the first screen is drawn (or says "no data")
 *  - allCharts:    every chart section is drawn (scenario `whole-page`: a window tall enough to hold
 *                  the whole dashboard, so that charts drawn only when scrolled to are counted too)
 *
 * Two ways in, both timed: `goto` opens /reports from the address bar in a fresh browser profile
 * (nothing cached: boot script, app shell, page chunk and strings, API calls), `click` opens the
 * home page first and times the click on "Reports" (the app shell is loaded).
 *
 * Give `--web` directories built as `npm run build:web` builds (vite, then
 * `node scripts/compress-web.mjs DIR`): `npm start` serves the Brotli copies.
 *
 * Several builds of the web app can be compared side by side under the same load: `--web NAME=DIR`
 * (repeated) serves each DIR from its own server process on the same database, and the runs
 * alternate between them. Without `--web` the current web/src is built (vite) into a temporary
 * directory. Median of the runs, JSON in bench/results/dashboard-<label>.json.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/db/seed/demo.js';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../test/helpers/chromium.js';
import { arg } from './lib/bench-db.js';
import { type Marks, PAGE_PROBE } from './lib/dashboard-probe.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(arg('runs', '7'));
const people = arg('people', '2000');
const label = arg('label', 'demo');
const TARGET_MS = 1000;

function log(message: string) {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
}
const load = () => loadavg().map((l) => Math.round(l * 100) / 100);

/** `--web a=DIR --web b=DIR`, in order. */
function webVariants(): Array<{ name: string; dir: string }> {
  const variants: Array<{ name: string; dir: string }> = [];
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] !== '--web') continue;
    const [name, dir] = (argv[i + 1] ?? '').split('=');
    if (!name || !dir) throw new Error('--web wants NAME=DIR');
    variants.push({ name, dir });
  }
  return variants;
}

function buildWeb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-dashboard-web-'));
  log(`building the web app (vite) into ${dir}`);
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--outDir', dir, '--emptyOutDir'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return dir;
}

interface Server {
  name: string;
  url: string;
  process: ChildProcess;
}

/** `passerelle serve --demo-if-empty` from source, on a free port; resolves once it listens. */
function serve(name: string, webDir: string, databaseUrl: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/index.ts', 'serve', '--demo-if-empty', '--people', people, '--port', '0'],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, PASSERELLE_WEB_DIR: webDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve({ name, url: match[1].replace('localhost', '127.0.0.1'), process: child });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`server ${name} exited (${code}):\n${output}`)));
  });
}

type Mode = 'goto' | 'click';
interface Scenario {
  id: string;
  email: string;
  locale: 'en' | 'ar';
  viewport: { width: number; height: number };
  isMobile: boolean;
}

const SCENARIOS: Scenario[] = [
  {
    id: 'desktop-en',
    email: 'analyst@demo.passerelle.example',
    locale: 'en',
    viewport: { width: 1280, height: 800 },
    isMobile: false,
  },
  {
    id: 'whole-page-en',
    email: 'analyst@demo.passerelle.example',
    locale: 'en',
    viewport: { width: 1280, height: 4800 },
    isMobile: false,
  },
  {
    id: 'phone-ar',
    email: 'monitor@demo.passerelle.example',
    locale: 'ar',
    viewport: { width: 390, height: 844 },
    isMobile: true,
  },
];

/** Signs in once per user and saves the language; returns the cookies as a storage state. */
async function session(browser: Browser, server: Server, scenario: Scenario) {
  const context = await browser.newContext({ baseURL: server.url });
  const login = await context.request.post('/api/auth/login', {
    data: { email: scenario.email, password: DEMO_PASSWORD },
  });
  if (!login.ok()) throw new Error(`sign-in of ${scenario.email} failed: ${login.status()}`);
  const { csrfToken } = (await login.json()) as { csrfToken?: string };
  const me = await context.request.patch('/api/me', {
    data: { locale: scenario.locale },
    headers: csrfToken ? { 'x-csrf-token': csrfToken } : {},
  });
  if (!me.ok()) throw new Error(`saving the language of ${scenario.email} failed: ${me.status()}`);
  const state = await context.storageState();
  await context.close();
  return state;
}

/** The mark that ends a run: every chart drawn (whole page), or those in the first screen. */
const DONE = (scenario: Scenario): keyof Marks =>
  scenario.id.startsWith('whole-page') ? 'allCharts' : 'screenCharts';

async function measure(
  browser: Browser,
  server: Server,
  scenario: Scenario,
  mode: Mode,
  storageState: Awaited<ReturnType<typeof session>>,
): Promise<Marks> {
  const context = await browser.newContext({
    baseURL: server.url,
    storageState,
    locale: scenario.locale === 'ar' ? 'ar' : 'en-GB',
    viewport: scenario.viewport,
    isMobile: scenario.isMobile,
    hasTouch: scenario.isMobile,
  });
  context.setDefaultTimeout(30_000);
  await context.addInitScript({ content: PAGE_PROBE });
  const page: Page = await context.newPage();
  // Main-thread time the page used (CPU, less sensitive to a busy machine than wall-clock time).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  try {
    if (mode === 'goto') {
      await page.goto('/reports');
    } else {
      await page.goto('/');
      const link = page.locator('a[href="/reports"]').first();
      await link.waitFor({ state: 'attached' });
      // The menu may sit in a closed drawer on a phone: click through the DOM, timed in the page.
      await page.evaluate(
        'window.__dash.start = performance.now(); document.querySelector(\'a[href="/reports"]\').click()',
      );
    }
    // A function, not a string: the app's CSP (script-src 'self') refuses eval in the page.
    await page
      .waitForFunction(
        (mark) => (globalThis as unknown as { __dash: Marks }).__dash[mark] !== undefined,
        DONE(scenario),
        { timeout: 30_000, polling: 50 },
      )
      .catch(async (error: Error) => {
        const state = await page.evaluate(
          'JSON.stringify({ dash: window.__dash, url: location.href, text: document.body.innerText.slice(0, 400) })',
        );
        throw new Error(`${scenario.id} ${mode}: ${error.message}\n${state}`);
      });
    const marks = (await page.evaluate('({ ...window.__dash, dir: document.documentElement.dir })')) as Marks;
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => Math.round((metrics.find((m) => m.name === name)?.value ?? 0) * 1000);
    marks.mainThreadMs = metric('TaskDuration');
    marks.scriptMs = metric('ScriptDuration');
    if (marks.dir !== (scenario.locale === 'ar' ? 'rtl' : 'ltr'))
      throw new Error(`${scenario.id}: page direction ${marks.dir}`);
    return marks;
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

async function main() {
  const variants = webVariants();
  const built: string[] = [];
  if (variants.length === 0) {
    const dir = buildWeb();
    built.push(dir);
    variants.push({ name: 'current', dir });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-dashboard-db-'));
  const databaseUrl = `sqlite:${join(dataDir, 'passerelle.db')}`;
  const servers: Server[] = [];
  let browser: Browser | undefined;
  const loadBefore = load();
  try {
    const seeding = Date.now();
    // The first server seeds the demo scenario; the others find it there (same database file).
    for (const variant of variants) {
      servers.push(await serve(variant.name, variant.dir, databaseUrl));
      if (servers.length === 1) log(`demo scenario seeded and served in ${Date.now() - seeding} ms`);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
    const states = new Map<string, Awaited<ReturnType<typeof session>>>();
    for (const server of servers)
      for (const scenario of SCENARIOS)
        states.set(`${server.name}/${scenario.id}`, await session(browser, server, scenario));

    const samples = new Map<string, Marks[]>();
    const modes: Mode[] = ['goto', 'click'];
    // One throw-away round warms the server (first queries, file cache), then runs alternate builds.
    for (let round = -1; round < runs; round += 1) {
      for (const scenario of SCENARIOS)
        for (const mode of modes)
          for (const server of servers) {
            const state = states.get(`${server.name}/${scenario.id}`);
            if (!state) throw new Error('no session');
            const marks = await measure(browser, server, scenario, mode, state);
            if (round < 0) continue;
            const key = `${server.name}|${scenario.id}|${mode}`;
            samples.set(key, [...(samples.get(key) ?? []), marks]);
          }
      if (round >= 0) log(`round ${round + 1}/${runs} done, load ${load().join(' ')}`);
    }

    const metrics = [
      'figures',
      'firstChart',
      'screenCharts',
      'allCharts',
      'overviewRequest',
      'mainThreadMs',
      'scriptMs',
    ] as const;
    const results = [...samples.entries()].map(([key, marks]) => {
      const [variant, scenario, mode] = key.split('|');
      const summary: Record<string, number | number[] | string | string[] | undefined> = {
        variant,
        scenario,
        mode,
      };
      for (const metric of metrics) {
        const values = marks.map((m) => m[metric]).filter((v): v is number => typeof v === 'number');
        if (values.length === 0) continue;
        summary[`${metric}MedianMs`] = Math.round(median(values));
        summary[`${metric}Ms`] = values.map(Math.round);
      }
      summary.overviewRequests = median(marks.map((m) => m.overviewRequests ?? 0));
      summary.chartSections = marks[0]?.chartSections;
      // One run's requests (ms from the start), to see what waits for what.
      summary.timeline = (marks[marks.length - 1]?.resources ?? [])
        .filter((r) => r.start >= 0)
        .map((r) => `${r.start}-${r.end} ${r.name.replace(/-[\w-]{8}\.(js|css)$/, '.$1').slice(0, 60)}`);
      return summary;
    });
    const result = {
      benchmark: 'dashboard',
      issue: 10,
      at: new Date().toISOString(),
      targetMs: TARGET_MS,
      people: Number(people),
      runs,
      engine: 'sqlite',
      variants,
      loadAverageBefore: loadBefore,
      loadAverageAfter: load(),
      cpus: cpus().length,
      uptime: execFileSync('uptime', { encoding: 'utf8' }).trim(),
      measuredFrom: {
        goto: 'navigation start of /reports in a fresh browser profile (nothing cached)',
        click: 'the click on the Reports link, app shell already loaded',
      },
      results,
    };
    const out = join(ROOT, 'bench', 'results', `dashboard-${label}.json`);
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    const done = (r: Record<string, unknown>) =>
      (r.scenario as string).startsWith('whole-page') ? r.allChartsMedianMs : r.screenChartsMedianMs;
    for (const r of results)
      process.stdout.write(
        `${String(r.variant).padEnd(10)} ${String(r.scenario).padEnd(14)} ${String(r.mode).padEnd(6)} figures ${String(r.figuresMedianMs).padStart(5)} ms  first chart ${String(r.firstChartMedianMs).padStart(5)} ms  charts done ${String(done(r)).padStart(5)} ms  overview ${r.overviewRequestMedianMs} ms ×${r.overviewRequests}  main thread ${r.mainThreadMsMedianMs} ms (script ${r.scriptMsMedianMs})\n`,
      );
    process.stdout.write(`load average before ${loadBefore.join(' ')}, after ${load().join(' ')}\n${out}\n`);
  } finally {
    await browser?.close();
    for (const server of servers) server.process.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dataDir, { recursive: true, force: true });
    for (const dir of built) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
