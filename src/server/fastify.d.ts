import type { Actor } from '../modules/access/actor.js';
import type { ServiceContext } from './context.js';
import type { AppDeps } from './deps.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission this route requires: a registered permission, 'public' or 'self'. */
    permission?: string;
  }
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionCsrfToken: string | null;
    /** The service context of the signed-in caller (throws 401 when there is none). */
    serviceContext(): ServiceContext;
  }
}
