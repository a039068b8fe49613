// After `vite build`: a Brotli and a gzip copy of each text asset, served by @fastify/static's
// preCompressed option to browsers that accept them. The web app's first paint needs ~670 kB of
// JavaScript and CSS; compressed ahead of time, once, at the strongest settings, it is ~200 kB
// on a slow connection, at no CPU cost per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// The built web app; another directory may be named (the dashboard benchmark compares builds
// served as `npm start` serves them).
const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'web');
const TEXT = new Set(['.js', '.css', '.html', '.svg', '.json', '.webmanifest', '.txt', '.map']);
const MIN_BYTES = 1024;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

let before = 0;
let after = 0;
for (const path of files(root)) {
  if (!TEXT.has(extname(path)) || statSync(path).size < MIN_BYTES) continue;
  const content = readFileSync(path);
  const brotli = brotliCompressSync(content, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
  });
  writeFileSync(`${path}.br`, brotli);
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  before += content.length;
  after += brotli.length;
}
process.stderr.write(
  `compressed web assets: ${Math.round(before / 1024)} kB → ${Math.round(after / 1024)} kB with Brotli\n`,
);
