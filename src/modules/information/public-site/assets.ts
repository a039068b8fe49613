import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The public site's stylesheet and fonts, read once at start-up from public-assets/. Files are
 * served by exact name from this table only, so no request path ever reaches the file system.
 */
export interface Asset {
  body: Buffer;
  type: string;
  hash: string;
}

/** public-assets beside this module, whether we run from src (tsx) or from dist (tsc output). */
function assetsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const marker = `${'/'}dist${'/'}`;
  const root = here.includes(marker) ? here.slice(0, here.lastIndexOf(marker)) : resolve(here, '../../../..');
  return join(root, 'src/modules/information/public-assets');
}

function load(path: string, type: string): Asset {
  const body = readFileSync(path);
  return { body, type, hash: createHash('sha256').update(body).digest('hex').slice(0, 12) };
}

export interface PublicAssets {
  css: Asset;
  fonts: Map<string, Asset>;
  stylesheetUrl: string;
}

export function loadPublicAssets(dir = assetsDir()): PublicAssets {
  const cssPath = join(dir, 'info.css');
  if (!existsSync(cssPath)) throw new Error(`public information site: ${cssPath} is missing`);
  const css = load(cssPath, 'text/css; charset=utf-8');
  const fonts = new Map<string, Asset>();
  for (const file of readdirSync(join(dir, 'fonts'))) {
    if (file.endsWith('.woff2')) fonts.set(file, load(join(dir, 'fonts', file), 'font/woff2'));
  }
  return { css, fonts, stylesheetUrl: `/info/assets/info.css?v=${css.hash}` };
}
