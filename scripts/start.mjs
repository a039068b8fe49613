// `npm start`: build what is missing or stale, then serve with demo data on an empty database.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function stale(output, ...sources) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((source) => existsSync(source) && newestMtime(source) > built);
}

function run(script) {
  process.stderr.write(`… npm run ${script}\n`);
  const result = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (stale(join(root, 'dist/src/cli/main.js'), join(root, 'src'))) run('build:server');
if (stale(join(root, 'dist/web/index.html'), join(root, 'web/src'), join(root, 'src/modules')))
  run('build:web');

const args = ['bin/passerelle.js', 'serve', '--demo-if-empty', ...process.argv.slice(2)];
const server = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
process.exit(server.status ?? 0);
