import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';
import { enrolTotp, loginWithCookie } from '../../../test/helpers/sessions.js';
import { totpCodeAt } from '../access/totp.js';
import { change, registerDevice, sync } from './testing/sync.fixture.js';

describeEngines('offline devices', (h) => {
  let orgId: string;
  let registrar: TestUser;
  let colleague: TestUser;
  let dpo: TestUser;

  beforeAll(async () => {
    orgId = (await h.createOrg()).id;
    registrar = await h.createUser(['registration_officer'], orgId);
    colleague = await h.createUser(['registration_officer'], orgId);
    dpo = await h.createUser(['data_protection_officer'], orgId);
  });

  it('registers a device (201, secret once, policy) and lists it with the user', async () => {
    const response = await registrar.api.post('/api/me/devices', { name: 'Tablet 3' });
    expect(response.status).toBe(201);
    expect(response.body.secret).toMatch(/^psd_/);
    expect(response.body.policy).toEqual({ wipeAfterDays: 14 });
    expect(response.body.device).toMatchObject({ name: 'Tablet 3', revokedAt: null, offlinePeople: 0 });
    const list = await registrar.api.get('/api/me/devices');
    expect(list.status).toBe(200);
    expect(list.body.items.map((d: { id: string }) => d.id)).toContain(response.body.device.id);
    expect(JSON.stringify(list.body)).not.toContain('secret');
    const others = await colleague.api.get('/api/me/devices');
    expect(others.body.items.map((d: { id: string }) => d.id)).not.toContain(response.body.device.id);
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', response.body.device.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['device.register']);
  });

  it('answers 400 naming the field, 401 without credentials, 403 to roles without offline work', async () => {
    const bad = await registrar.api.post('/api/me/devices', { name: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('name');
    expect((await h.client().post('/api/me/devices', { name: 'x' })).status).toBe(401);
    const analyst = await h.createUser(['analyst'], orgId);
    expect((await analyst.api.post('/api/me/devices', { name: 'x' })).status).toBe(403);
  });

  it('revokes a device: it cannot sync any more, its status says wipe, its session ends', async () => {
    const user = await h.createUser(['registration_officer'], orgId);
    const session = await loginWithCookie(h, user.email);
    const secret = await enrolTotp(h, session);
    h.clock.advance(31_000);
    const full = await loginWithCookie(h, user.email, { totp: totpCodeAt(secret, h.clock.now()) });
    const registered = await full.api.post('/api/me/devices', { name: 'Phone' });
    expect(registered.status).toBe(201);
    const deviceId = registered.body.device.id;
    const status = await h.client().post('/api/devices/status', { deviceId, secret: registered.body.secret });
    expect(status.body).toEqual({ status: 'active', wipe: false });
    const mine = await full.api.get('/api/me/devices');
    expect(mine.body.items.find((d: { id: string }) => d.id === deviceId).current).toBe(true);

    // Revoked from another session (the phone was lost): the phone's own session ends with it.
    expect((await user.api.delete(`/api/me/devices/${deviceId}`)).status).toBe(200);
    expect((await full.api.get('/api/me')).status).toBe(401);
    const sent = await user.api.post('/api/sync', { deviceId, changes: [] });
    expect(sent.status).toBe(403);
    expect(sent.body.error.details[0].code).toBe('device_revoked');
    const after = await h.client().post('/api/devices/status', { deviceId, secret: registered.body.secret });
    expect(after.body).toEqual({ status: 'revoked', wipe: true });
    expect((await user.api.delete(`/api/me/devices/${deviceId}`)).status).toBe(409);
  });

  it('answers 404 for another user’s device, a wrong secret, or an unknown device', async () => {
    const { device, secret } = await registerDevice(registrar);
    expect((await colleague.api.delete(`/api/me/devices/${device.id}`)).status).toBe(404);
    expect((await sync(colleague, device.id, [])).status).toBe(404);
    expect((await sync(registrar, 'no-such-device', [])).status).toBe(404);
    const wrong = await h.client().post('/api/devices/status', { deviceId: device.id, secret: `${secret}x` });
    expect(wrong.status).toBe(404);
  });

  it('lets the data protection officer list and revoke the organisation’s devices, not others’', async () => {
    const { device } = await registerDevice(colleague, 'Shared laptop');
    const list = await dpo.api.get('/api/sync/devices');
    expect(list.status).toBe(200);
    expect(list.body.items.map((d: { id: string }) => d.id)).toContain(device.id);
    const outsider = await h.createUser(['data_protection_officer']);
    expect((await outsider.api.post(`/api/sync/devices/${device.id}/revoke`)).status).toBe(404);
    expect((await dpo.api.post(`/api/sync/devices/${device.id}/revoke`)).status).toBe(200);
    expect((await sync(colleague, device.id, [change({ kind: 'household.create' })])).status).toBe(403);
  });

  it('keeps the offline policy configurable by managers, within bounds', async () => {
    const admin = await h.createUser(['admin'], orgId);
    expect((await admin.api.put('/api/sync/policy', { wipeAfterDays: 0 })).status).toBe(400);
    expect((await registrar.api.put('/api/sync/policy', { wipeAfterDays: 7 })).status).toBe(403);
    const saved = await admin.api.put('/api/sync/policy', { wipeAfterDays: 7 });
    expect(saved.body).toEqual({ wipeAfterDays: 7 });
    expect((await registrar.api.get('/api/sync/policy')).body).toEqual({ wipeAfterDays: 7 });
    const { device } = await registerDevice(registrar);
    expect((await sync(registrar, device.id, [])).body.policy).toEqual({ wipeAfterDays: 7 });
    await admin.api.put('/api/sync/policy', { wipeAfterDays: 14 });
  });
});
