import { request as httpRequest } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { AdmissionQueue, admissionOptionsFor, registerAdmission } from './admission.js';
import { registerErrorHandler } from './error-handler.js';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the request queue', () => {
  it('admits in arrival order, at most one request per turn of the event loop', async () => {
    const queue = new AdmissionQueue({ concurrency: 5, maxQueue: 10, maxWaitMs: 10_000 });
    const admitted: number[] = [];
    const tickets = [0, 1, 2, 3, 4].map((n) => {
      const ticket = queue.acquire();
      ticket.ready.then(() => admitted.push(n));
      return ticket;
    });
    expect(admitted).toEqual([]);
    await nextTurn();
    expect(admitted).toEqual([0]);
    await nextTurn();
    expect(admitted).toEqual([0, 1]);
    await Promise.all(tickets.map((t) => t.ready));
    expect(admitted).toEqual([0, 1, 2, 3, 4]);
    expect(queue.stats).toEqual({ running: 5, waiting: 0 });
  });

  it('lets the next request in only when a running one is released', async () => {
    const queue = new AdmissionQueue({ concurrency: 1, maxQueue: 10, maxWaitMs: 10_000 });
    await queue.acquire().ready;
    let secondIn = false;
    const second = queue.acquire();
    second.ready.then(() => {
      secondIn = true;
    });
    for (let turn = 0; turn < 5; turn++) await nextTurn();
    expect(secondIn).toBe(false);
    queue.release();
    await second.ready;
    expect(queue.stats).toEqual({ running: 1, waiting: 0 });
  });

  it('refuses at once when the queue is full, and after the longest wait', async () => {
    const queue = new AdmissionQueue({ concurrency: 1, maxQueue: 1, maxWaitMs: 30 });
    await queue.acquire().ready;
    const waiting = queue.acquire();
    expect(() => queue.acquire()).toThrow(expect.objectContaining({ code: 'overloaded', status: 503 }));
    await expect(waiting.ready).rejects.toMatchObject({ code: 'overloaded' });
    expect(queue.stats).toEqual({ running: 1, waiting: 0 });
  });

  it('gives up the place of a request whose client left', async () => {
    const queue = new AdmissionQueue({ concurrency: 1, maxQueue: 5, maxWaitMs: 10_000 });
    await queue.acquire().ready;
    const left = queue.acquire();
    const stays = queue.acquire();
    left.withdraw();
    await expect(left.ready).rejects.toMatchObject({ code: 'overloaded' });
    queue.release();
    await stays.ready;
    expect(queue.stats).toEqual({ running: 1, waiting: 0 });
  });

  it('takes its limits from the engine and the environment, and refuses nonsense', () => {
    expect(admissionOptionsFor('sqlite', {}).concurrency).toBe(4);
    expect(admissionOptionsFor('postgres', { PG_POOL_MAX: '20' }).concurrency).toBe(22);
    expect(admissionOptionsFor('sqlite', { PASSERELLE_CONCURRENT_REQUESTS: '2' }).concurrency).toBe(2);
    expect(() => admissionOptionsFor('sqlite', { PASSERELLE_REQUEST_QUEUE: '0' })).toThrow(
      /PASSERELLE_REQUEST_QUEUE/,
    );
  });
});

describe('the request queue in front of the API', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  /** A server whose /api/hold answers when the test says so; the health check and pages bypass the queue. */
  async function holdingServer(options: { concurrency: number; maxQueue: number; maxWaitMs: number }) {
    const server = Fastify();
    registerErrorHandler(server);
    const queue = registerAdmission(server, options);
    const holds: Array<() => void> = [];
    server.get('/api/hold', () => new Promise((resolve) => holds.push(() => resolve({ ok: true }))));
    server.get('/api/health', () => ({ ok: true }));
    await server.listen({ port: 0, host: '127.0.0.1' });
    app = server;
    const address = server.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return { queue, holds, url: (path: string) => `http://127.0.0.1:${port}${path}`, port };
  }

  async function until(condition: () => boolean) {
    for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(condition()).toBe(true);
  }

  it('answers 503 overloaded with Retry-After when too many wait, and serves the waiting one later', async () => {
    const server = await holdingServer({ concurrency: 1, maxQueue: 1, maxWaitMs: 10_000 });
    const first = fetch(server.url('/api/hold'));
    await until(() => server.holds.length === 1);
    const second = fetch(server.url('/api/hold'));
    await until(() => server.queue.stats.waiting === 1);

    const refused = await fetch(server.url('/api/hold'));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('overloaded');
    expect((await fetch(server.url('/api/health'))).status).toBe(200);

    server.holds[0]!();
    expect((await first).status).toBe(200);
    await until(() => server.holds.length === 2);
    server.holds[1]!();
    expect((await second).status).toBe(200);
    await until(() => server.queue.stats.running === 0);
  });

  it('frees the place of a client that disconnects while waiting or while running', async () => {
    const server = await holdingServer({ concurrency: 1, maxQueue: 5, maxWaitMs: 10_000 });
    const first = httpRequest({ port: server.port, host: '127.0.0.1', path: '/api/hold' });
    first.on('error', () => undefined);
    first.end();
    await until(() => server.holds.length === 1);
    const waiting = httpRequest({ port: server.port, host: '127.0.0.1', path: '/api/hold' });
    waiting.on('error', () => undefined);
    waiting.end();
    await until(() => server.queue.stats.waiting === 1);

    waiting.destroy();
    await until(() => server.queue.stats.waiting === 0);
    first.destroy();
    await until(() => server.queue.stats.running === 0);

    const after = fetch(server.url('/api/hold'));
    await until(() => server.holds.length === 2);
    server.holds[1]!();
    expect((await after).status).toBe(200);
  });
});
