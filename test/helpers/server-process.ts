import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './cli.js';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts the real server (`passerelle serve`) as a child process and waits until it listens. */
export function startServerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        // e.g. PASSERELLE_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile a benchmark's server
        ...(process.env.PASSERELLE_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
        '--import',
        'tsx',
        join(REPO_ROOT, 'src/cli/index.ts'),
        'serve',
        '--port',
        '0',
        '--host',
        '127.0.0.1',
      ],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, ...env, CI: '', LOG_LEVEL: 'error' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!.replace('localhost', '127.0.0.1'), output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
}

export async function killHard(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}

/** Stops the server as an operator would (SIGTERM), so exit hooks such as a CPU profile run. */
export async function stopGracefully(server: ServerProcess, timeoutMs = 20_000): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}
