import { z } from 'zod';
import { IdParams, OkResponse } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { presentMe, presentSession, presentToken } from './access.presenter.js';
import {
  CreatedTokenResponse,
  CreateTokenBody,
  MeResponse,
  SessionResponse,
  TokenResponse,
  TotpConfirmBody,
  TotpConfirmResponse,
  TotpEnrolmentResponse,
  UpdateMeBody,
} from './access.schema.js';
import {
  beginTotpEnrolment,
  confirmTotpEnrolment,
  createApiToken,
  getOwnAccount,
  listOwnSessions,
  listOwnTokens,
  revokeOwnSession,
  revokeOwnToken,
  setOwnLocale,
} from './account.service.js';
import { SELF } from './permissions.js';

/** The signed-in user's own account: profile, second factor, sessions and tokens. */
export async function accountRoutes(app: RouteApp): Promise<void> {
  const self = { permission: SELF };

  app.get(
    '/api/me',
    { config: self, schema: { tags: ['account'], response: { 200: MeResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      const { user, organisation } = await getOwnAccount(ctx);
      return presentMe(user, organisation, ctx.actor, request.sessionCsrfToken, app.deps.demoMode);
    },
  );

  app.patch(
    '/api/me',
    { config: self, schema: { tags: ['account'], body: UpdateMeBody, response: { 200: MeResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      await setOwnLocale(ctx, request.body.locale);
      const { user, organisation } = await getOwnAccount(ctx);
      return presentMe(user, organisation, ctx.actor, request.sessionCsrfToken, app.deps.demoMode);
    },
  );

  app.post(
    '/api/auth/totp/enrol',
    { config: self, schema: { tags: ['account'], response: { 200: TotpEnrolmentResponse } } },
    async (request) => beginTotpEnrolment(request.serviceContext()),
  );

  app.post(
    '/api/auth/totp/confirm',
    {
      config: self,
      schema: { tags: ['account'], body: TotpConfirmBody, response: { 200: TotpConfirmResponse } },
    },
    async (request) => confirmTotpEnrolment(request.serviceContext(), request.body.code),
  );

  app.get(
    '/api/me/sessions',
    {
      config: self,
      schema: { tags: ['account'], response: { 200: z.object({ items: z.array(SessionResponse) }) } },
    },
    async (request) => {
      const ctx = request.serviceContext();
      const sessions = await listOwnSessions(ctx);
      return { items: sessions.map((s) => presentSession(s, ctx.actor.sessionId)) };
    },
  );

  app.delete(
    '/api/me/sessions/:id',
    { config: self, schema: { tags: ['account'], params: IdParams, response: { 200: OkResponse } } },
    async (request) => {
      await revokeOwnSession(request.serviceContext(), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me/tokens',
    {
      config: self,
      schema: { tags: ['account'], response: { 200: z.object({ items: z.array(TokenResponse) }) } },
    },
    async (request) => ({ items: (await listOwnTokens(request.serviceContext())).map(presentToken) }),
  );

  app.post(
    '/api/me/tokens',
    {
      config: self,
      schema: { tags: ['account'], body: CreateTokenBody, response: { 201: CreatedTokenResponse } },
    },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const { row, token } = await createApiToken(ctx, { userId: ctx.actor.userId ?? '', ...request.body });
      return reply.status(201).send({ ...presentToken(row), token });
    },
  );

  app.delete(
    '/api/me/tokens/:id',
    { config: self, schema: { tags: ['account'], params: IdParams, response: { 200: OkResponse } } },
    async (request) => {
      await revokeOwnToken(request.serviceContext(), request.params.id);
      return { ok: true as const };
    },
  );
}
