import type { DemoModuleSeeder, DemoSeedContext } from '../../db/seed/demo-modules.js';
import type { ServiceContext } from '../../server/context.js';
import type { Actor } from '../access/actor.js';
import { permissionsOf } from '../access/permissions.js';
import type { Role } from '../access/roles.js';
import { resolveAlertsFor } from '../alerts/alerts.repository.js';
import { registerPerson } from '../registry/people.service.js';
import { localDateOf } from './calendar.js';
import { setEvidence } from './case-updates.service.js';
import { recomputeReunificationAlerts } from './deadline-alerts.service.js';
import type { EvidenceItem } from './evidence.js';
import type { EvidenceStatus } from './reunification.enums.js';
import {
  DEMO_CASES,
  DEMO_PEOPLE,
  DEMO_TRACING,
  type DemoCase,
  type DemoKey,
  type DemoRelative,
  type DemoTracing,
} from './reunification.seed-data.js';
import { createReunificationCase } from './reunification.service.js';
import { createTracingRequest } from './tracing.service.js';
import { decideMatch, listMatches } from './tracing-matches.service.js';
import { transitionCase } from './transitions.service.js';

const DAY = 86_400_000;
const EMAILS = {
  officer: 'reunification@demo.passerelle.example',
  registrar: 'registration@demo.passerelle.example',
};

type Timeline = { set(daysAgo: number): void; date(daysAgo: number): string };

/**
 * The demo's family tracing and reunification, replayed through the services with the clock set
 * back to when each thing happened: tracing requests first, then the registrations that match
 * them (so the registry's hook raises the alerts an officer would get), a match confirmed and a
 * case opened from it, and cases at every stage, one of them days from its deadline.
 */
async function seedReunification({ ctx, orgIds, userIds, progress }: DemoSeedContext): Promise<void> {
  const ngo = orgIds['demo-ngo'];
  const officerId = userIds[EMAILS.officer];
  const registrarId = userIds[EMAILS.registrar];
  if (!ngo || !officerId || !registrarId) return;
  const started = Date.now();
  let clock = new Date(started);
  const time: Timeline = {
    set: (daysAgo) => {
      clock = new Date(started - daysAgo * DAY);
    },
    date: (daysAgo) => localDateOf(new Date(started - daysAgo * DAY)),
  };
  const as = (userId: string, roles: Role[]): ServiceContext => {
    const actor: Actor = {
      userId,
      orgId: ngo,
      roles,
      permissions: permissionsOf(roles),
      via: 'token',
      secondFactorSatisfied: true,
    };
    return { ...ctx, now: () => clock, actor };
  };
  const officer = as(officerId, ['reunification_officer']);
  const registrar = as(registrarId, ['registration_officer']);

  const people = new Map<DemoKey, string>();
  const registerDue = async (upToDaysAgo: number) => {
    const due = (Object.keys(DEMO_PEOPLE) as DemoKey[])
      .filter((key) => !people.has(key) && DEMO_PEOPLE[key].registeredDaysAgo >= upToDaysAgo)
      .sort((a, b) => DEMO_PEOPLE[b].registeredDaysAgo - DEMO_PEOPLE[a].registeredDaysAgo);
    for (const key of due) {
      const { age, registeredDaysAgo, ...input } = DEMO_PEOPLE[key];
      time.set(registeredDaysAgo);
      const birthYear = new Date(started).getUTCFullYear() - age;
      const purposes: Array<'services' | 'tracing'> = ['services', 'tracing'];
      const { view } = await registerPerson(
        registrar,
        { ...input, birthYear, ageEstimated: true, consent: { basis: 'consent', purposes } },
        { isDemo: true },
      );
      people.set(key, view.row.id);
    }
  };

  const tracing = [...DEMO_TRACING].sort((a, b) => b.createdDaysAgo - a.createdDaysAgo);
  const requests = new Map<DemoTracing, string>();
  for (const [index, request] of tracing.entries()) {
    progress('reunification: tracing', index + 1, tracing.length);
    await registerDue(request.createdDaysAgo);
    time.set(request.createdDaysAgo);
    requests.set(request, await openTracing(officer, request, people));
  }
  await registerDue(0);
  for (const request of tracing) {
    if (request.confirmedDaysAgo === undefined) continue;
    time.set(request.confirmedDaysAgo);
    const id = requests.get(request)!;
    const match = (await listMatches(officer, id)).find((m) => m.personId === people.get(request.sought));
    if (match)
      await decideMatch(officer, id, match.id, {
        decision: 'confirmed',
        note: 'Recognised each other on a video call',
      });
  }
  for (const [index, demo] of DEMO_CASES.entries()) {
    progress('reunification: cases', index + 1, DEMO_CASES.length);
    const personId = people.get(demo.person);
    if (!personId) continue;
    const source = DEMO_TRACING.find((t) => t.sought === demo.person && t.confirmedDaysAgo !== undefined);
    await openCaseWithHistory(officer, time, demo, personId, source ? requests.get(source) : undefined);
    // The child's 2016 registration alert was answered at the time; only today's work stays open.
    if (demo.lodgedDaysAgo > 365)
      await resolveAlertsFor(
        ctx.db,
        'person',
        personId,
        'registry.unaccompanied_child',
        new Date(started).toISOString(),
      );
  }
  await recomputeReunificationAlerts({ ...ctx, now: () => new Date() });
}

async function openTracing(officer: ServiceContext, request: DemoTracing, people: Map<DemoKey, string>) {
  const enquirer =
    typeof request.enquirer === 'string'
      ? { kind: 'registered' as const, personId: people.get(request.enquirer)! }
      : {
          kind: 'outside' as const,
          ...relativeFields(request.enquirer),
          consentToTracing: true as const,
          consentBasis: 'consent' as const,
        };
  const { age, ...names } = request.soughtAs;
  const sought = DEMO_PEOPLE[request.sought];
  const view = await createTracingRequest(
    officer,
    {
      enquirer,
      relationship: request.relationship,
      sought: {
        ...names,
        sex: sought.sex,
        age,
        nationality: sought.nationality,
        placeOfSeparation: request.placeOfSeparation,
      },
    },
    { isDemo: true },
  );
  return view.id;
}

function relativeFields(r: DemoRelative) {
  return {
    givenName: r.givenName,
    ...(r.fathersName ? { fathersName: r.fathersName } : {}),
    ...(r.familyName ? { familyName: r.familyName } : {}),
    city: r.city,
    ...(r.phone ? { phone: r.phone } : {}),
    country: r.country,
    legalStatus: r.legalStatus,
  };
}

async function openCaseWithHistory(
  officer: ServiceContext,
  time: Timeline,
  demo: DemoCase,
  personId: string,
  tracingRequestId: string | undefined,
) {
  time.set(demo.lodgedDaysAgo);
  const links = demo.relative === 'fromTracing' ? await linksFrom(officer, personId, tracingRequestId) : [];
  const relatives =
    demo.relative === 'fromTracing'
      ? links.map((familyLinkId) => ({ familyLinkId }))
      : [{ kinship: demo.relative.kinship, ...relativeFields(demo.relative) }];
  const opened = await createReunificationCase(
    officer,
    {
      personId,
      legalBasis: demo.legalBasis,
      applicationLodgedOn: time.date(demo.lodgedDaysAgo),
      relatives,
      ...(tracingRequestId ? { tracingRequestId } : {}),
    },
    { isDemo: true },
  );
  for (const [item, status] of demo.evidence ?? []) {
    await setEvidence(officer, opened.id, item as EvidenceItem, status as EvidenceStatus);
  }
  for (const step of demo.steps) {
    time.set(step.daysAgo);
    await transitionCase(officer, opened.id, {
      to: step.to,
      on: time.date(step.daysAgo),
      ...(step.transferInDays !== undefined
        ? { transferDate: time.date(step.daysAgo - step.transferInDays) }
        : {}),
      ...(step.reason ? { reason: step.reason } : {}),
    });
  }
}

async function linksFrom(officer: ServiceContext, personId: string, tracingRequestId: string | undefined) {
  if (!tracingRequestId) return [];
  const rows = await officer.db
    .selectFrom('family_links')
    .select('id')
    .where('person_id', '=', personId)
    .where('tracing_request_id', '=', tracingRequestId)
    .execute();
  return rows.map((r) => r.id);
}

export const reunificationDemoSeeder: DemoModuleSeeder = { name: 'reunification', seed: seedReunification };
