import { randomBytes } from 'node:crypto';
import type { Role } from '../../../src/modules/access/roles.js';
import {
  drainMatchingJobs,
  registerMany,
  strangers,
} from '../../../src/modules/matching/testing/registry.fixture.js';
import { PERSON_FIELD_GROUPS } from '../../../src/modules/registry/registry.policy.js';
import type { ApiResponse } from '../../helpers/api-client.js';
import type { Harness, TestUser } from '../../helpers/harness.js';
import { loginWithCookie } from '../../helpers/sessions.js';
import { EVERY_ROLE } from '../matrix/types.js';
import { type Marker, personBody } from './markers.js';
import { buildModuleRecords, buildPersonalExport } from './world-modules.js';

/**
 * Real records of every kind, owned by organisation A, built through the API the way users build
 * them. Organisation B has the same roles and nothing of A's; organisation C receives a referral.
 * Every free text carries a marker (markers.ts) naming who may read it, so a test can walk any
 * response and tell a leak from a legitimate read.
 */
export interface World {
  orgA: string;
  orgB: string;
  a: Map<Role, TestUser>;
  b: Map<Role, TestUser>;
  /** Ids of A's records by kind (`person`, `case`, …) for the URL bindings. */
  ids: Record<string, string>;
  /** Ids that no user of B may ever see, wherever they appear in a response. */
  privateIds: Set<string>;
  markers: Marker[];
}

export function check(response: ApiResponse, expected: number, label: string): ApiResponse {
  if (response.status !== expected)
    throw new Error(`world: ${label} → ${response.status} ${response.raw.slice(0, 300)}`);
  return response;
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64');

export async function buildWorld(h: Harness): Promise<World> {
  const orgA = (await h.createOrg()).id;
  const orgB = (await h.createOrg()).id;
  const orgC = (await h.createOrg()).id;
  const a = new Map<Role, TestUser>();
  const b = new Map<Role, TestUser>();
  for (const role of EVERY_ROLE) {
    a.set(role, await h.createUser([role], orgA));
    b.set(role, await h.createUser([role], orgB));
  }
  const as = (role: Role) => a.get(role)!.api;
  const ids: Record<string, string> = {};
  const markers: Marker[] = [];
  const mark = (kind: string, record: string, readers: readonly Role[]) => {
    const value = `Qz${kind}${randomBytes(5).toString('hex')}`;
    markers.push({ value, kind, record, readers });
    return value;
  };

  const monitor = as('site_monitor');
  ids.site = check(
    await monitor.post('/api/sites', { name: h.unique('Camp'), kind: 'informal_settlement', status: 'open' }),
    201,
    'site',
  ).body.id;
  ids.centre = check(
    await as('reception_coordinator').post('/api/sites', {
      name: h.unique('Centre'),
      kind: 'orientation_centre',
      status: 'open',
      region: 'Bretagne',
    }),
    201,
    'centre',
  ).body.id;
  check(
    await as('reception_coordinator').put(`/api/sites/${ids.centre}/capacity`, {
      places: { family: 5, single_men: 5, single_women: 5, unaccompanied_minors: 5 },
      services: { medicalCare: true, childProtection: true, accessible: true, languages: ['ti'] },
    }),
    200,
    'capacity',
  );

  const registrar = as('registration_officer');
  ids.household = check(
    await registrar.post('/api/households', { siteId: ids.site }),
    201,
    'household',
  ).body.id;
  const registered = check(
    await registrar.post(
      '/api/people',
      personBody(markers, { siteId: ids.site, householdId: ids.household }),
    ),
    201,
    'person',
  );
  ids.person = registered.body.person.id;
  ids.personCode = registered.body.person.code;

  const caseworker = as('caseworker');
  const assignee = await h.createUser(['caseworker'], orgA);
  const caseReaders = ['caseworker', 'case_supervisor'] as const;
  ids.case = check(
    await caseworker.post('/api/cases', {
      personId: ids.person,
      type: 'child_protection',
      risk: 'high',
      riskReason: mark('caseRisk', 'case', caseReaders),
    }),
    201,
    'case',
  ).body.id;
  // A gbv case assigned to someone else: the per-role caseworker sees that it exists, nothing more.
  ids.sensitiveCase = check(
    await as('case_supervisor').post('/api/cases', {
      personId: ids.person,
      type: 'gbv',
      risk: 'critical',
      riskReason: mark('gbvRisk', 'sensitiveCase', ['case_supervisor']),
      assignedUserId: assignee.id,
    }),
    201,
    'gbv case',
  ).body.id;
  check(
    await caseworker.post(`/api/cases/${ids.case}/notes`, { text: mark('caseNote', 'case', caseReaders) }),
    201,
    'note',
  );
  ids.attachment = check(
    await caseworker.post(`/api/cases/${ids.case}/attachments`, { filename: 'scan.png', content: PNG }),
    201,
    'attachment',
  ).body.id;
  ids.referral = check(
    await caseworker.post(`/api/cases/${ids.case}/referrals`, {
      kind: 'referral',
      toOrgId: orgC,
      service: 'health',
    }),
    201,
    'referral',
  ).body.id;
  const alerts = check(await caseworker.get('/api/alerts'), 200, 'alerts').body.items as Array<{
    id: string;
  }>;
  if (!alerts[0]) throw new Error('world: opening a case raised no alert');
  ids.alert = alerts[0].id;

  ids.counselling = check(
    await as('information_officer').post('/api/counselling-sessions', {
      heldOn: h.clock.now().toISOString().slice(0, 10),
      language: 'ti',
      interpreterUsed: false,
      personId: ids.person,
      statedIntention: 'family_reunification',
      notes: mark('counselNote', 'counselling', ['information_officer', 'caseworker', 'case_supervisor']),
    }),
    201,
    'counselling session',
  ).body.id;

  const officer = as('reunification_officer');
  ids.tracing = check(
    await officer.post('/api/tracing-requests', {
      enquirer: {
        kind: 'outside',
        givenName: mark('enquirer', 'tracing', ['reunification_officer']),
        phone: '+44 7700 900123',
        country: 'GBR',
        legalStatus: 'refugee',
        consentToTracing: true,
      },
      sought: {
        givenName: mark('sought', 'tracing', ['reunification_officer']),
        sex: 'male',
        age: 15,
        nationality: 'ERI',
      },
      relationship: 'sibling',
    }),
    201,
    'tracing request',
  ).body.id;
  const familyReaders = ['reunification_officer', 'caseworker', 'case_supervisor'] as const;
  ids.familyLink = check(
    await officer.post(`/api/people/${ids.person}/family-links`, {
      kinship: 'sibling',
      country: 'DEU',
      legalStatus: 'refugee',
      givenName: mark('relative', 'familyLink', familyReaders),
      city: 'Hamburg',
    }),
    201,
    'family link',
  ).body.id;
  ids.reunification = check(
    await officer.post('/api/reunification-cases', {
      personId: ids.person,
      legalBasis: 'dublin_art8',
      applicationLodgedOn: h.clock.now().toISOString().slice(0, 10),
      relatives: [{ familyLinkId: ids.familyLink }],
    }),
    201,
    'reunification case',
  ).body.id;

  ids.incident = check(
    await monitor.post(`/api/sites/${ids.site}/incidents`, {
      date: h.clock.now().toISOString().slice(0, 10),
      kind: 'physical_violence',
      severity: 'high',
      description: mark('incident', 'incident', ['caseworker', 'case_supervisor', 'data_protection_officer']),
    }),
    201,
    'incident',
  ).body.id;

  const coordinator = as('reception_coordinator');
  ids.relocation = check(
    await coordinator.post('/api/relocations', { personIds: [ids.person], toSiteId: ids.centre }),
    201,
    'relocation',
  ).body.id;
  ids.convoy = check(
    await coordinator.post('/api/convoys', {
      departsOn: h.clock.now().toISOString().slice(0, 10),
      originSiteId: ids.site,
      vehicle: 'Coach 1',
      vehicleCapacity: 40,
    }),
    201,
    'convoy',
  ).body.id;
  // The marked person is already in a relocation: the plan proposes a place for a second man of A.
  ids.plannedPerson = check(
    await registrar.post('/api/people', {
      givenName: mark('plannedName', 'plannedPerson', PERSON_FIELD_GROUPS.names.read),
      sex: 'male',
      birthYear: 1990,
      siteId: ids.site,
      consent: { basis: 'consent', purposes: ['services'] },
    }),
    201,
    'planned person',
  ).body.person.id;
  ids.plan = check(
    await coordinator.post('/api/placement/plan', { personIds: [ids.plannedPerson] }),
    201,
    'plan',
  ).body.id;

  ids.article = check(
    await as('information_officer').post('/api/articles', {
      slug: h.unique('scope-article'),
      topic: 'asylum',
      sourceLang: 'en',
      title: 'Scope test',
      summary: 'Summary',
      body: 'Body',
    }),
    201,
    'article',
  ).body.id;

  // Two spellings of one man among strangers, so the review queue holds a pair of A's records.
  const reviewer = a.get('registration_officer')!;
  await registerMany(h, reviewer, [
    ...strangers(20),
    {
      givenName: 'Mohammed',
      familyName: 'Abdullah',
      sex: 'male',
      birthYear: 1995,
      nationality: 'SDN',
      consent: { basis: 'consent', purposes: ['services'] },
    },
    {
      givenName: 'Muhammad',
      familyName: 'Abdalla',
      sex: 'male',
      birthYear: 1995,
      nationality: 'SDN',
      consent: { basis: 'consent', purposes: ['services'] },
    },
  ]);
  ids.matchingRun = check(await reviewer.api.post('/api/matching/runs', {}), 202, 'matching run').body.id;
  await drainMatchingJobs(h);
  const pairs = check(await reviewer.api.get('/api/duplicates'), 200, 'duplicates').body.items as Array<{
    id: string;
  }>;
  if (!pairs[0]) throw new Error('world: the matching run found no pair');
  ids.duplicate = pairs[0].id;

  ids.device = check(
    await registrar.post('/api/me/devices', { name: 'Field tablet' }),
    201,
    'device',
  ).body.device.id;
  const admin = a.get('admin')!;
  ids.user = a.get('analyst')!.id;
  ids.token = (
    check(await admin.api.get('/api/me/tokens'), 200, 'tokens').body.items as Array<{ id: string }>
  )[0]!.id;
  const session = await loginWithCookie(h, admin.email);
  ids.session = (
    check(await session.api.get('/api/me/sessions'), 200, 'sessions').body.items as Array<{ id: string }>
  )[0]!.id;

  await buildModuleRecords(h, orgA, as, ids, mark);
  await buildPersonalExport(h, orgA, ids);

  // Sites are shared coordination records; a matching run is a whole-registry job (counts only).
  const shared = new Set(['site', 'centre', 'personCode', 'matchingRun']);
  const privateIds = new Set(
    Object.entries(ids)
      .filter(([k]) => !shared.has(k))
      .map(([, v]) => v),
  );
  return { orgA, orgB, a, b, ids, privateIds, markers };
}
