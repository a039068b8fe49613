import type { FastifyInstance, FastifyReply } from 'fastify';
import { type Engine, engineOf } from '../db/engine.js';
import { AppError } from './errors.js';

/*
 * API requests are admitted first come, first served, a few at a time, and the next one from
 * setImmediate, so that every turn of the event loop stays short.
 *
 * Why: Node 20's libuv accepts one new connection per turn of the event loop. A turn reads every
 * socket that has a request and, with SQLite, runs each request to its end (the database calls are
 * synchronous), so under load a turn lasts as long as all the requests in flight together. At 100
 * connections most of them were then accepted, or read, only seconds later: in bench:load's first
 * seconds 30 to 60 of 100 connections got no answer within 10 s while the others were served every
 * few hundred milliseconds (a plain node:http server with 20 ms of work per request does the same;
 * with this queue it accepts all 100 at once and answers every one within 5 s).
 */

export interface AdmissionOptions {
  /** Requests running at once; the others wait in arrival order. */
  concurrency: number;
  /** Requests allowed to wait; one more is answered 503 at once. */
  maxQueue: number;
  /** A request that waited this long is answered 503 instead of running late. */
  maxWaitMs: number;
}

const BUSY_MESSAGE = 'The server is busy; try again in a few seconds.';

/**
 * SQLite runs one statement at a time in this process, so more than a few requests at once only
 * interleave them; PostgreSQL requests wait on the network and keep the connection pool busy.
 */
export function admissionOptionsFor(engine: Engine, env: NodeJS.ProcessEnv = process.env): AdmissionOptions {
  const poolSize = Number(env.PG_POOL_MAX ?? 10);
  return {
    concurrency: positiveInteger(
      env.PASSERELLE_CONCURRENT_REQUESTS,
      'PASSERELLE_CONCURRENT_REQUESTS',
      engine === 'sqlite' ? 4 : poolSize + 2,
    ),
    maxQueue: positiveInteger(env.PASSERELLE_REQUEST_QUEUE, 'PASSERELLE_REQUEST_QUEUE', 2000),
    maxWaitMs: positiveInteger(
      env.PASSERELLE_REQUEST_QUEUE_WAIT_MS,
      'PASSERELLE_REQUEST_QUEUE_WAIT_MS',
      30_000,
    ),
  };
}

function positiveInteger(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new Error(`${name} must be a whole number above 0 (got ${value})`);
  return parsed;
}

interface Waiter {
  admit: () => void;
  refuse: (error: AppError) => void;
  timer: NodeJS.Timeout;
}

/** A request's place in the queue: `ready` settles when it may run, `withdraw` gives up the place. */
export interface Ticket {
  ready: Promise<void>;
  withdraw: () => void;
}

export class AdmissionQueue {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private admissionScheduled = false;

  constructor(private readonly options: AdmissionOptions) {}

  get stats() {
    return { running: this.running, waiting: this.waiting.length };
  }

  /**
   * A ticket whose `ready` resolves when the request may run, or rejects with `overloaded`. Even
   * with a free place the request waits for the next turn of the event loop: a request admitted
   * while its socket is read would run there and then (SQLite answers synchronously), and a turn
   * reading many sockets would again run all their requests. Once admitted, the caller must call
   * release() exactly once.
   */
  acquire(): Ticket {
    if (this.waiting.length >= this.options.maxQueue) throw new AppError('overloaded', BUSY_MESSAGE);
    let admit!: () => void;
    let refuse!: (error: AppError) => void;
    const ready = new Promise<void>((resolve, reject) => {
      admit = resolve;
      refuse = reject;
    });
    const waiter: Waiter = {
      admit,
      refuse,
      timer: setTimeout(() => this.remove(waiter, BUSY_MESSAGE), this.options.maxWaitMs),
    };
    this.waiting.push(waiter);
    this.scheduleAdmission();
    return { ready, withdraw: () => this.remove(waiter, 'The client left.') };
  }

  release(): void {
    this.running -= 1;
    this.scheduleAdmission();
  }

  private remove(waiter: Waiter, message: string): void {
    const index = this.waiting.indexOf(waiter);
    if (index < 0) return;
    this.waiting.splice(index, 1);
    clearTimeout(waiter.timer);
    waiter.refuse(new AppError('overloaded', message));
  }

  // One admission per turn of the event loop: the turn in between accepts and reads new connections.
  private scheduleAdmission(): void {
    if (this.admissionScheduled || this.waiting.length === 0 || this.running >= this.options.concurrency)
      return;
    this.admissionScheduled = true;
    setImmediate(() => {
      this.admissionScheduled = false;
      if (this.running >= this.options.concurrency) return;
      const next = this.waiting.shift();
      if (!next) return;
      clearTimeout(next.timer);
      this.running += 1;
      next.admit();
      this.scheduleAdmission();
    });
  }
}

/** Every /api request but the health check goes through the queue; static files do not. */
export function registerAdmission(app: FastifyInstance, options?: AdmissionOptions): AdmissionQueue {
  const queue = new AdmissionQueue(options ?? admissionOptionsFor(engineOf(app.deps.db)));
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/health')) return;
    const ticket = queue.acquire();
    reply.raw.once('close', ticket.withdraw);
    try {
      await ticket.ready;
    } finally {
      reply.raw.off('close', ticket.withdraw);
    }
    releaseWhenDone(queue, reply);
  });
  return queue;
}

function releaseWhenDone(queue: AdmissionQueue, reply: FastifyReply): void {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    queue.release();
  };
  // The client may have left between its admission and this line: then 'close' has already fired.
  if (reply.raw.destroyed || reply.raw.writableFinished) {
    release();
    return;
  }
  reply.raw.once('close', release);
  reply.raw.once('finish', release);
}
