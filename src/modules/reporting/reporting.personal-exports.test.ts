import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';
import { type CookieSession, enrolTotp, loginWithCookie } from '../../../test/helpers/sessions.js';
import { totpCodeAt } from '../access/totp.js';
import { type ReceptionWorld, receptionWorld } from '../reception/testing/reception.fixture.js';
import { PERSONAL_EXPORT_MINUTES } from './reporting.policy.js';

const STEP_MS = 30_000;

/**
 * The success path of personal exports (issue 10): a caseworker's caseload and a convoy list, made
 * in a browser session with a fresh code, watermarked with the user and the time, audited with the
 * row count, downloadable until they expire, then gone.
 */
describeEngines('personal exports', (h) => {
  let world: ReceptionWorld;
  let caseworker: TestUser;
  let colleague: TestUser;
  let names: string[];

  /** Signs in with a second factor, as the browser does; returns the session and the secret. */
  async function signedIn(user: TestUser): Promise<{ session: CookieSession; secret: string }> {
    const first = await loginWithCookie(h, user.email);
    const secret = await enrolTotp(h, first);
    h.clock.advance(STEP_MS + 1_000);
    const session = await loginWithCookie(h, user.email, { totp: totpCodeAt(secret, h.clock.now()) });
    // A later time step: the code that signed in cannot be used again.
    h.clock.advance(STEP_MS + 1_000);
    return { session, secret };
  }

  async function auditOf(id: string) {
    return h.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'details'])
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
  }

  beforeAll(async () => {
    world = await receptionWorld(h);
    caseworker = await h.createUser(['caseworker'], world.orgId);
    colleague = await h.createUser(['caseworker'], world.orgId);
    // Hand-counted: two open cases assigned to the caseworker, one to a colleague.
    names = ['Amina Haile', 'Yonas Tesfaye', 'Karim Nouri'];
    const people: string[] = [];
    for (const name of names) {
      const [givenName, familyName] = name.split(' ');
      people.push(await world.person({ givenName, familyName }));
    }
    for (const [user, personId] of [
      [caseworker, people[0]],
      [caseworker, people[1]],
      [colleague, people[2]],
    ] as const) {
      const opened = await user.api.post('/api/cases', {
        personId,
        type: 'general_protection',
        risk: 'medium',
      });
      expect(opened.status, opened.raw).toBe(201);
    }
  });

  it('exports the caseworker’s caseload with a fresh code: watermark, audit with row count, then expiry', async () => {
    const { session, secret } = await signedIn(caseworker);
    const madeAt = h.clock.now();
    const made = await session.api.post('/api/exports/personal', {
      dataset: 'caseload',
      format: 'csv',
      totp: totpCodeAt(secret, madeAt),
    });
    expect(made.status, made.raw).toBe(201);
    expect(made.body).toMatchObject({ dataset: 'caseload', format: 'csv', rows: 2 });
    const expiresAt = Date.parse(made.body.expiresAt);
    expect(Math.abs(expiresAt - (madeAt.getTime() + PERSONAL_EXPORT_MINUTES * 60_000))).toBeLessThan(5_000);
    expect(made.body.downloadUrl).toBe(`/api/exports/personal/${made.body.id}`);

    // The same code cannot make a second file.
    const replay = await session.api.post('/api/exports/personal', {
      dataset: 'caseload',
      format: 'csv',
      totp: totpCodeAt(secret, madeAt),
    });
    expect(replay.status).toBe(401);

    const file = await session.api.get(made.body.downloadUrl);
    expect(file.status).toBe(200);
    expect(file.headers['cache-control']).toBe('no-store');
    const lines = file.raw
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    const watermark = lines[0] ?? '';
    expect(watermark).toContain(caseworker.email);
    expect(watermark).toContain(`export ${made.body.id}`);
    const stamped = /at (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)/.exec(watermark)?.[1] ?? '';
    expect(Math.abs(Date.parse(stamped) - madeAt.getTime())).toBeLessThan(5_000);
    const body = lines.join('\n');
    expect(body).toContain('Amina Haile');
    expect(body).toContain('Yonas Tesfaye');
    expect(body).not.toContain('Karim Nouri');
    expect(lines.filter((l) => l.includes('general_protection'))).toHaveLength(2);

    // Audited with its row count (no names), and the download audited too.
    const audit = await auditOf(made.body.id);
    expect(audit.map((a) => a.action)).toEqual(['export.personal', 'export.personal_download']);
    expect(audit[0]?.actor_id).toBe(caseworker.id);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ dataset: 'caseload', rows: 2 });
    expect(JSON.stringify(audit)).not.toContain('Amina');

    // Only the user who made it, only in the browser session, only until it expires.
    expect((await caseworker.api.get(made.body.downloadUrl)).status).toBe(403);
    const other = await signedIn(colleague);
    expect((await other.session.api.get(made.body.downloadUrl)).status).toBe(404);
    h.clock.advance(PERSONAL_EXPORT_MINUTES * 60_000 + 1_000);
    const late = await session.api.get(made.body.downloadUrl);
    expect(late.status).toBe(404);
    const row = await h.db
      .selectFrom('export_files')
      .select(['content', 'wrapped_key', 'purged_at', 'row_count', 'downloads'])
      .where('id', '=', made.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ content: null, wrapped_key: null, row_count: 2, downloads: 1 });
    expect(row.purged_at).not.toBeNull();
  });

  it('exports a convoy list for the reception coordinator, watermarked and audited with its row count', async () => {
    const centre = await world.centre({ places: { single_men: 10, single_women: 10, family: 10 } });
    const convoy = await world.coordinator.api.post('/api/convoys', {
      departsOn: '2016-03-20',
      originSiteId: world.camp,
      vehicle: 'Coach 7',
      vehicleCapacity: 20,
    });
    expect(convoy.status, convoy.raw).toBe(201);
    const passengers = [
      await world.person({ givenName: 'Samir', familyName: 'Haddad', sex: 'male', birthYear: 1990 }),
      await world.person({ givenName: 'Omar', familyName: 'Haddad', sex: 'male', birthYear: 1992 }),
    ];
    for (const personId of passengers) {
      const id = await world.relocate([personId], centre);
      expect((await world.move(id, 'accepted')).status).toBe(200);
      expect((await world.move(id, 'scheduled', { convoyId: convoy.body.id })).status).toBe(200);
    }
    const { session, secret } = await signedIn(world.coordinator);
    const made = await session.api.post('/api/exports/personal', {
      dataset: 'convoy',
      convoyId: convoy.body.id,
      format: 'csv',
      totp: totpCodeAt(secret, h.clock.now()),
    });
    expect(made.status, made.raw).toBe(201);
    expect(made.body.rows).toBe(2);
    const file = await session.api.get(made.body.downloadUrl);
    expect(file.status).toBe(200);
    const text = file.raw.replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[0]).toContain(world.coordinator.email);
    expect(text).toContain('Samir Haddad');
    expect(text).toContain('Omar Haddad');
    const audit = await auditOf(made.body.id);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({
      dataset: 'convoy',
      rows: 2,
      convoyId: convoy.body.id,
    });
  });
});
