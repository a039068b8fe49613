/**
 * A page opened from the address bar used to wait in a chain: index.html → the entry chunk and its
 * imports → (entry evaluated) /api/me and the page's chunk → (answer) the page's data → (page
 * rendered) the chart chunk. On the demo dashboard the first request of the page itself left at
 * ~350 ms and /api/me at ~400 ms, only because the code that sends them had to download first.
 *
 * This plugin writes a small classic script, hashed like the other assets and loaded first in
 * <head> (CSP script-src 'self': no inline script), which at once
 *  - asks /api/me, the app's first question on every page (the app takes that answer once:
 *    web/src/app/boot.ts);
 *  - for a listed path, adds <link rel="modulepreload"> for that page's chunks that the entry does
 *    not already bring, so they download beside the entry instead of after it;
 *  - preloads the page's strings in the device's last language, and once /api/me has answered in
 *    the account's language if that is another;
 *  - sends the page's first data request once /api/me says the user may make it (the same test as
 *    app/routes.tsx `openPageAt`), after the requests of the page's files above: the server
 *    computes that answer on the thread that serves files, so files asked for after it wait for it
 *    (measured: the strings waited for the dashboard's overview). Waiting for the files to arrive
 *    instead held the overview back behind the app's first render on a busy machine. The page
 *    takes the answer if it asks for the same address.
 * The server still decides every request; this script only sends them earlier.
 */
import type { Plugin } from 'vite';

export interface BootRoute {
  /** Source modules (relative to the Vite root) whose chunks the page needs, most urgent first. */
  modules: Array<{ module: string; lowPriority?: boolean }>;
  /**
   * The page's strings, one module per language (`{locale}` stands for the language code), and
   * where the device keeps its last language (web/src/i18n/languages.ts), used before /api/me answers.
   */
  strings?: { module: string; locales: readonly string[]; storageKey: string; fallback: string };
  /** The page's first data request: its path, the address's parameters it copies (in this order), and the permission it needs. */
  request?: { path: string; params: readonly string[]; permission: string };
}

/** Path prefix → what that page needs first. */
export type BootRoutes = Record<string, BootRoute>;

/** What the generated script is given for one path (URLs from the site root). */
export interface BootPlan {
  preload: Array<[string, boolean]>;
  strings?: { files: Record<string, string>; storageKey: string; fallback: string };
  request?: BootRoute['request'];
}

interface Chunk {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
}
interface Asset {
  type: 'asset';
  fileName: string;
  source: string | Uint8Array;
}
type Bundle = Record<string, Chunk | Asset | { type: string; fileName: string }>;

const isChunk = (item: Bundle[string] | undefined): item is Chunk => item?.type === 'chunk';

/** The chunk and every chunk it imports statically, by file name. */
function staticClosure(bundle: Bundle, fileName: string, into = new Set<string>()): Set<string> {
  if (into.has(fileName)) return into;
  into.add(fileName);
  const chunk = bundle[fileName];
  if (isChunk(chunk)) for (const imported of chunk.imports) staticClosure(bundle, imported, into);
  return into;
}

/** For each path, the files to preload (in download order), its strings' files and its request. */
export function bootPlans(bundle: Bundle, routes: BootRoutes, base = '/'): Record<string, BootPlan> {
  const chunks = Object.values(bundle).filter(isChunk);
  const shell = new Set<string>();
  for (const entry of chunks.filter((c) => c.isEntry)) staticClosure(bundle, entry.fileName, shell);
  const chunkOf = (module: string, path: string) => {
    const chunk = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith(`/${module}`));
    // A renamed or removed page must not silently lose its preloads.
    if (!chunk) throw new Error(`boot script: no chunk for ${module} (path ${path})`);
    return chunk;
  };
  const result: Record<string, BootPlan> = {};
  for (const [path, route] of Object.entries(routes)) {
    const preload: Array<[string, boolean]> = [];
    const seen = new Set(shell);
    for (const { module, lowPriority = false } of route.modules) {
      for (const file of staticClosure(bundle, chunkOf(module, path).fileName)) {
        if (seen.has(file)) continue;
        seen.add(file);
        preload.push([`${base}${file}`, lowPriority]);
      }
    }
    const plan: BootPlan = { preload };
    if (route.strings) {
      const { module, locales, storageKey, fallback } = route.strings;
      const files = Object.fromEntries(
        locales.map((locale) => [locale, `${base}${chunkOf(module.replace('{locale}', locale), path).fileName}`]),
      );
      plan.strings = { files, storageKey, fallback };
    }
    if (route.request) plan.request = route.request;
    result[path] = plan;
  }
  return result;
}

/** The boot script's source: plain ES2017, no imports, runs before the app's modules. */
export function bootScriptSource(plans: Record<string, BootPlan>): string {
  return `(() => {
  const boot = (window.__passerelleBoot = { requests: {} });
  const json = { headers: { accept: 'application/json' }, credentials: 'same-origin' };
  boot.me = fetch('/api/me', json);
  boot.me.catch(() => undefined);
  const plans = ${JSON.stringify(plans)};
  const path = location.pathname;
  const prefix = Object.keys(plans).find((p) => path === p || path.startsWith(p + '/'));
  if (!prefix) return;
  const plan = plans[prefix];
  const preload = (href, low) => {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    if (low) link.fetchPriority = 'low';
    document.head.appendChild(link);
  };
  for (const [href, low] of plan.preload) preload(href, low);
  const strings = plan.strings;
  let stored = null;
  try {
    stored = strings && localStorage.getItem(strings.storageKey);
  } catch {}
  const storedLocale = strings && (strings.files[stored] ? stored : strings.fallback);
  if (strings) preload(strings.files[storedLocale], false);
  // A copy of the answer: the app reads the original (web/src/app/boot.ts). \`ready\` settles once
  // the page's request is sent or known not to be: the app waits for it before asking itself.
  boot.ready = boot.me
    .then((response) => (response.ok ? response.clone().json() : null))
    .then((me) => {
      if (!me) return;
      const locale = me.user.locale;
      if (strings && locale !== storedLocale && strings.files[locale]) preload(strings.files[locale], false);
      const request = plan.request;
      if (!request || !me.secondFactor.satisfied || !me.permissions.includes(request.permission)) return;
      const search = new URLSearchParams(location.search);
      const params = new URLSearchParams();
      for (const name of request.params) if (search.get(name)) params.set(name, search.get(name));
      const url = request.path + (params.toString() ? '?' + params : '');
      // A link's request leaves after the current task: this one leaves after it.
      boot.requests[url] = new Promise((resolve) => setTimeout(resolve, 0)).then(() => fetch(url, json));
      boot.requests[url].catch(() => undefined);
    })
    .catch(() => undefined);
})();
`;
}

export function bootScript(routes: BootRoutes): Plugin {
  let base = '/';
  return {
    name: 'passerelle-boot-script',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      base = config.base;
    },
    generateBundle(_options, output) {
      const bundle = output as unknown as Bundle;
      const html = bundle['index.html'];
      if (!html || html.type !== 'asset') throw new Error('boot script: index.html is not in the bundle');
      const reference = this.emitFile({
        type: 'asset',
        name: 'boot.js',
        source: bootScriptSource(bootPlans(bundle, routes, base)),
      });
      const src = `${base}${this.getFileName(reference)}`;
      const page = html as Asset;
      const text = typeof page.source === 'string' ? page.source : new TextDecoder().decode(page.source);
      // First in <head>, so its requests leave before the stylesheet and module links are read.
      const tag = `<script src="${src}"></script>`;
      if (!text.includes('<meta charset="UTF-8" />')) throw new Error('boot script: no charset meta in index.html');
      page.source = text.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    ${tag}`);
    },
  };
}
