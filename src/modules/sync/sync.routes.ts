import { z } from 'zod';
import { IdParams, OkResponse } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { PUBLIC, SELF } from '../access/permissions.js';
import {
  deviceStatus,
  listOrganisationDevices,
  listOwnDevices,
  readPolicy,
  registerDevice,
  revokeDevice,
  savePolicy,
} from './devices.service.js';
import { SyncPermissions } from './sync.policy.js';
import { presentDevice } from './sync.presenter.js';
import {
  DeviceResponse,
  DeviceStatusBody,
  DeviceStatusResponse,
  OfflinePolicy,
  RegisterDeviceBody,
  RegisteredDeviceResponse,
  SyncBody,
  SyncResponse,
} from './sync.schema.js';
import { synchronise } from './sync.service.js';

const tags = ['sync'];
const DeviceList = z.object({ items: z.array(DeviceResponse) });

/** Offline devices (listed with the user's sessions) and the sync protocol. */
export async function syncRoutes(app: RouteApp): Promise<void> {
  const manage = { permission: SyncPermissions['sync.manage'] };

  app.post(
    '/api/sync',
    {
      config: { permission: SyncPermissions['sync.use'] },
      // A device back from a week in the field sends up to 500 changes at once.
      bodyLimit: 8 * 1024 * 1024,
      schema: { tags, body: SyncBody, response: { 200: SyncResponse } },
    },
    async (request) =>
      synchronise(request.serviceContext(), request.body, {
        userAgent: request.headers['user-agent'],
        logFailure: (err) => request.log.error({ err, requestId: request.id }, 'sync change failed'),
      }),
  );

  app.get(
    '/api/me/devices',
    { config: { permission: SELF }, schema: { tags, response: { 200: DeviceList } } },
    async (request) => {
      const ctx = request.serviceContext();
      return { items: (await listOwnDevices(ctx)).map((d) => presentDevice(d, ctx.actor.sessionId)) };
    },
  );

  app.post(
    '/api/me/devices',
    {
      config: { permission: SyncPermissions['sync.use'] },
      schema: { tags, body: RegisterDeviceBody, response: { 201: RegisteredDeviceResponse } },
    },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const { row, secret, policy } = await registerDevice(ctx, {
        name: request.body.name,
        userAgent: request.headers['user-agent'],
      });
      return reply.status(201).send({ device: presentDevice(row, ctx.actor.sessionId), secret, policy });
    },
  );

  app.delete(
    '/api/me/devices/:id',
    { config: { permission: SELF }, schema: { tags, params: IdParams, response: { 200: OkResponse } } },
    async (request) => {
      await revokeDevice(request.serviceContext(), request.params.id, 'own');
      return { ok: true as const };
    },
  );

  app.post(
    '/api/devices/status',
    {
      config: { permission: PUBLIC, rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: { tags, body: DeviceStatusBody, response: { 200: DeviceStatusResponse } },
    },
    async (request) => deviceStatus(app.deps.db, request.body.deviceId, request.body.secret),
  );

  app.get(
    '/api/sync/devices',
    { config: manage, schema: { tags, response: { 200: DeviceList } } },
    async (request) => ({
      items: (await listOrganisationDevices(request.serviceContext())).map((d) => presentDevice(d)),
    }),
  );

  app.post(
    '/api/sync/devices/:id/revoke',
    { config: manage, schema: { tags, params: IdParams, response: { 200: OkResponse } } },
    async (request) => {
      await revokeDevice(request.serviceContext(), request.params.id, 'organisation');
      return { ok: true as const };
    },
  );

  app.get(
    '/api/sync/policy',
    {
      config: { permission: SyncPermissions['sync.use'] },
      schema: { tags, response: { 200: OfflinePolicy } },
    },
    async () => readPolicy(app.deps.db),
  );

  app.put(
    '/api/sync/policy',
    { config: manage, schema: { tags, body: OfflinePolicy, response: { 200: OfflinePolicy } } },
    async (request) => savePolicy(request.serviceContext(), request.body),
  );
}
