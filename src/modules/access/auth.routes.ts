import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLocalHost, SESSION_COOKIE } from '../../server/auth.plugin.js';
import { contextFor } from '../../server/deps.js';
import { AppError } from '../../server/errors.js';
import { OkResponse } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { presentMe } from './access.presenter.js';
import { LoginBody, LoginResponse } from './access.schema.js';
import { getOwnAccount } from './account.service.js';
import { ABSOLUTE_TIMEOUT_HOURS, login, logout, resolveSession } from './auth.service.js';
import { PUBLIC, SELF } from './permissions.js';

export async function authRoutes(app: RouteApp): Promise<void> {
  app.post(
    '/api/auth/login',
    {
      config: { permission: PUBLIC, rateLimit: { max: 30, timeWindow: 15 * 60_000 } },
      schema: { tags: ['auth'], body: LoginBody, response: { 200: LoginResponse } },
    },
    async (request, reply) => {
      const result = await login(app.deps, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        requestId: request.id,
      });
      setSessionCookie(request, reply, result.sessionToken);
      const resolved = await resolveSession(app.deps, result.sessionToken);
      if (!resolved) throw new AppError('internal');
      const { user, organisation } = await getOwnAccount(contextFor(app.deps, resolved.actor));
      return presentMe(user, organisation, resolved.actor, resolved.csrfToken, app.deps.demoMode);
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { permission: SELF }, schema: { tags: ['auth'], response: { 200: OkResponse } } },
    async (request, reply) => {
      await logout(app.deps, request.serviceContext().actor, request.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: !isLocalHost(request.hostname),
    maxAge: ABSOLUTE_TIMEOUT_HOURS * 3600,
  });
}
