import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { safeEqual } from '../crypto/index.js';
import { resolveBearerToken, resolveSession } from '../modules/access/auth.service.js';
import { isKnownPermission, PUBLIC, SELF } from '../modules/access/permissions.js';
import { recordAuditAlone } from '../modules/audit/audit.service.js';
import { contextFor } from './deps.js';
import { AppError } from './errors.js';
import type { DeclaredRoute } from './route-registry.js';

export const SESSION_COOKIE = 'passerelle_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Deny by default: a route that declares no permission cannot even be registered. Authentication
 * and the permission check run in onRequest, before the body is parsed, so a caller without the
 * permission learns nothing from validation errors.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { routes: DeclaredRoute[] }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionCsrfToken', null);
  app.decorateRequest('serviceContext', function serviceContext(this: FastifyRequest) {
    if (!this.actor) throw new AppError('unauthenticated');
    return contextFor(app.deps, this.actor, { requestId: this.id, purpose: purposeOf(this) });
  });

  app.addHook('onRoute', (route) => {
    const permission = route.config?.permission;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.every((m) => m === 'HEAD')) return;
    if (!permission || !isKnownPermission(permission)) {
      throw new Error(
        `route ${methods.join(',')} ${route.url} declares no known permission (got ${permission})`,
      );
    }
    for (const method of methods)
      if (method !== 'HEAD') opts.routes.push({ method, url: route.url, permission });
  });

  app.addHook('onRequest', async (request, reply) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission) return; // not-found handler and static files
    await authenticate(request);
    if (permission === PUBLIC) return;
    if (!request.actor) throw new AppError('unauthenticated');
    checkCsrf(request, reply);
    if (permission === SELF) return;
    if (!request.actor.secondFactorSatisfied) throw new AppError('totp_enrolment_required');
    if (!request.actor.permissions.has(permission)) {
      await recordAuditAlone(app.deps.db, request.serviceContext(), {
        action: 'auth.permission_denied',
        entity: 'route',
        details: { method: request.method, route: request.routeOptions.url, permission },
      });
      throw new AppError('forbidden');
    }
  });

  async function authenticate(request: FastifyRequest): Promise<void> {
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.actor = await resolveBearerToken(app.deps, authorization.slice('Bearer '.length).trim());
      return;
    }
    const sessionToken = request.cookies[SESSION_COOKIE];
    if (!sessionToken) return;
    const resolved = await resolveSession(app.deps, sessionToken);
    if (resolved) {
      request.actor = resolved.actor;
      request.sessionCsrfToken = resolved.csrfToken;
    }
  }
});

/** Cookie-authenticated writes must echo the session's CSRF token; bearer requests need not. */
function checkCsrf(request: FastifyRequest, _reply: FastifyReply): void {
  if (SAFE_METHODS.has(request.method) || request.actor?.via !== 'session') return;
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !request.sessionCsrfToken || !safeEqual(sent, request.sessionCsrfToken)) {
    throw new AppError('csrf_failed');
  }
}

function purposeOf(request: FastifyRequest): string | undefined {
  const purpose = request.headers['x-purpose'];
  return typeof purpose === 'string' ? purpose.slice(0, 120) : undefined;
}

export function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '127.0.0.1' || host === '::1' || host.endsWith('.localhost');
}
