#!/usr/bin/env node
// The `passerelle` command: runs the compiled CLI (npm run build produces dist/).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'src', 'cli', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write(`passerelle: not built yet; run \`npm run build\` in ${root}\n`);
  process.exit(1);
}
const { runCli } = await import(pathToFileURL(entry).href);
await runCli(process.argv);
