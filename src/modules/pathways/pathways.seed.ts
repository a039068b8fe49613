import type { DemoModuleSeeder, DemoSeedContext } from '../../db/seed/demo-modules.js';
import type { ServiceContext } from '../../server/context.js';
import type { Actor } from '../access/actor.js';
import { permissionsOf } from '../access/permissions.js';
import type { Role } from '../access/roles.js';
import { registerPerson } from '../registry/people.service.js';
import type { RegisterPersonInput } from '../registry/registry.schema.js';
import { createAppointment, recordOutcome } from './appointments.service.js';
import { bookInterpreter } from './bookings.service.js';
import { createInterpreter } from './interpreters.service.js';
import { findFirstSettlement, markDemoRows } from './pathways.repository.js';
import { choosePathway, openProcedure, todayFor } from './pathways.service.js';
import type { PathwayRoute } from './pathways.tables.js';
import { zoneOf } from './procedure-alerts.js';
import { recordStage } from './procedures.service.js';
import { computeDeadlines } from './rules/deadlines.js';
import { addDays, daysBetween, startOfLocalDay } from './rules/legal-calendar.js';

const EMAILS = {
  caseworker: 'caseworker@demo.passerelle.example',
  supervisor: 'supervisor@demo.passerelle.example',
  registrar: 'registration@demo.passerelle.example',
};

type Person = Omit<RegisterPersonInput, 'consent'> & { route: PathwayRoute; key: string };

/** One person on each route; names as staff would transcribe them, and in the person's own script. */
const PEOPLE: Person[] = [
  {
    key: 'appeal',
    route: 'asylum_france',
    givenName: 'Adam',
    fathersName: 'Ishaq',
    familyName: 'Yahya',
    originalScriptName: 'آدم إسحاق يحيى',
    sex: 'male',
    birthYear: 1994,
    ageEstimated: true,
    nationality: 'SDN',
    languages: ['ar-SD'],
  },
  {
    key: 'dublin',
    route: 'dublin',
    givenName: 'Merhawi',
    fathersName: 'Gebre',
    originalScriptName: 'መርሃዊ ገብረ',
    sex: 'male',
    birthYear: 1999,
    ageEstimated: true,
    nationality: 'ERI',
    languages: ['ti'],
  },
  {
    key: 'family',
    route: 'family_reunification',
    givenName: 'Zainab',
    familyName: 'Rahimi',
    originalScriptName: 'زینب رحیمی',
    sex: 'female',
    birthYear: 1991,
    ageEstimated: true,
    nationality: 'AFG',
    languages: ['fa-AF'],
  },
  {
    key: 'return',
    route: 'voluntary_return',
    givenName: 'Karwan',
    familyName: 'Aziz',
    originalScriptName: 'کاروان عەزیز',
    sex: 'male',
    birthYear: 1988,
    ageEstimated: true,
    nationality: 'IRQ',
    languages: ['ckb'],
  },
  {
    key: 'relocation',
    route: 'relocation',
    givenName: 'Omar',
    familyName: 'Haddad',
    originalScriptName: 'عمر حداد',
    sex: 'male',
    birthYear: 1997,
    ageEstimated: true,
    nationality: 'SYR',
    languages: ['ar'],
  },
  {
    key: 'undecided',
    route: 'undecided',
    givenName: 'Hanna',
    fathersName: 'Tesfaye',
    originalScriptName: 'ሐና ተስፋዬ',
    sex: 'female',
    birthYear: 2001,
    ageEstimated: true,
    nationality: 'ETH',
    languages: ['am'],
  },
];

const INTERPRETERS = [
  {
    name: 'Amina Osman',
    kind: 'interpreter' as const,
    languages: ['ar', 'ar-SD'],
    organisation: 'ISM Interprétariat',
    availability: [],
  },
  {
    name: 'Dawit Bekele',
    kind: 'cultural_mediator' as const,
    languages: ['ti', 'am'],
    organisation: 'Secours Catholique',
    availability: [],
  },
  {
    name: 'Farid Noori',
    kind: 'interpreter' as const,
    languages: ['fa-AF', 'ps'],
    organisation: 'ISM Interprétariat',
    availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '17:00' })),
  },
  {
    name: 'Shirin Karim',
    kind: 'interpreter' as const,
    languages: ['ckb', 'kmr'],
    organisation: 'Auberge des Migrants',
    availability: [2, 4].map((weekday) => ({ weekday, from: '10:00', to: '16:00' })),
  },
];

/** The decision date whose one-month appeal limit falls `daysAhead` days from today (or just after). */
function decisionDateFor(today: string, daysAhead: number, now: Date): string {
  let best = addDays(today, -30);
  for (let back = 20; back <= 40; back += 1) {
    const on = addDays(today, -back);
    const [due] = computeDeadlines(
      {
        country: 'FRA',
        procedureType: 'normal',
        events: [
          { id: 'x', stage: 'decision', occurredOn: on, occurredAt: null, result: 'rejected', custody: null },
        ],
      },
      now,
    ).filter((d) => d.rule === 'pathways.cnda_appeal_due');
    if (!due) continue;
    const left = daysBetween(today, due.dueOn);
    if (left === daysAhead) return on;
    if (left > daysAhead && left - daysAhead < 3) best = on;
  }
  return best;
}

/**
 * The demo's legal pathways: one person on each route, an asylum seeker whose CNDA appeal is due
 * in three days, a Dublin transfer decision, a voluntary return under way, the interpreter roster,
 * appointments tomorrow (with interpreters booked) and a missed one waiting for its follow-up.
 */
async function seedPathways({ ctx, orgIds, userIds, progress }: DemoSeedContext): Promise<void> {
  const ngo = orgIds['demo-ngo'];
  const caseworkerId = userIds[EMAILS.caseworker];
  const supervisorId = userIds[EMAILS.supervisor];
  const registrarId = userIds[EMAILS.registrar];
  if (!ngo || !caseworkerId || !supervisorId || !registrarId) return;
  const as = (userId: string, roles: Role[]): ServiceContext => {
    const actor: Actor = {
      userId,
      orgId: ngo,
      roles,
      permissions: permissionsOf(roles),
      via: 'token',
      secondFactorSatisfied: true,
    };
    return { ...ctx, actor };
  };
  const caseworker = as(caseworkerId, ['caseworker']);
  const supervisor = as(supervisorId, ['case_supervisor']);
  const registrar = as(registrarId, ['registration_officer']);
  const today = todayFor(caseworker);
  const day = (offset: number) => addDays(today, offset);
  const zone = zoneOf('FRA', ctx.now());
  const at = (offset: number, hour: number) =>
    new Date(startOfLocalDay(day(offset), zone).getTime() + hour * 3_600_000).toISOString();

  const ids = new Map<string, string>();
  for (const [index, { key, route, ...person }] of PEOPLE.entries()) {
    progress('pathways: people', index + 1, PEOPLE.length);
    const { view } = await registerPerson(
      registrar,
      { ...person, consent: { basis: 'consent', purposes: ['services', 'referral'] } },
      { isDemo: true },
    );
    ids.set(key, view.row.id);
    if (route !== 'undecided')
      await choosePathway(caseworker, view.row.id, { route: 'undecided', since: day(-60) });
    await choosePathway(caseworker, view.row.id, { route, since: day(route === 'undecided' ? -60 : -45) });
  }

  // Asylum: registered, applied, rejected by OFPRA; the appeal is due in three days.
  const asylum = await openProcedure(caseworker, ids.get('appeal')!, {
    kind: 'asylum',
    procedureType: 'normal',
    country: 'FRA',
  });
  const decidedOn = decisionDateFor(today, 3, ctx.now());
  await recordStage(caseworker, asylum.id, { stage: 'registration', occurredOn: addDays(decidedOn, -120) });
  await recordStage(caseworker, asylum.id, { stage: 'application', occurredOn: addDays(decidedOn, -110) });
  await recordStage(caseworker, asylum.id, { stage: 'interview', occurredOn: addDays(decidedOn, -30) });
  await recordStage(caseworker, asylum.id, { stage: 'decision', occurredOn: decidedOn, result: 'rejected' });
  // Dublin: a transfer decision notified two days ago, not detained.
  const dublin = await openProcedure(caseworker, ids.get('dublin')!, {
    kind: 'asylum',
    procedureType: 'dublin',
    country: 'FRA',
  });
  await recordStage(caseworker, dublin.id, { stage: 'registration', occurredOn: day(-40) });
  await recordStage(caseworker, dublin.id, {
    stage: 'transfer_decision',
    occurredOn: day(-2),
    custody: 'none',
  });
  // Voluntary return: counselled, decided, eligibility pending.
  const back = await openProcedure(caseworker, ids.get('return')!, {
    kind: 'voluntary_return',
    country: 'FRA',
    destinationCountry: 'IRQ',
  });
  await recordStage(caseworker, back.id, { stage: 'request', occurredOn: day(-20) });
  await recordStage(caseworker, back.id, { stage: 'counselling', occurredOn: day(-18) });
  await recordStage(caseworker, back.id, { stage: 'informed_decision', occurredOn: day(-10) });

  progress('pathways: interpreters and appointments');
  const roster = new Map<string, string>();
  for (const interpreter of INTERPRETERS)
    roster.set(interpreter.name, (await createInterpreter(supervisor, interpreter)).id);

  const place = {
    place: 'CNDA, 35 rue Cuvier, Montreuil',
    hostOrganisation: 'CNDA',
    mapReference: '48.8596 N, 2.4406 E',
  };
  const tomorrow = [
    {
      person: 'appeal',
      hour: 9,
      ...place,
      purpose: 'pathway_step' as const,
      procedureId: asylum.id,
      stage: 'appeal',
      interpreterLanguage: 'ar-SD',
      interpreter: 'Amina Osman',
      transport: 'organised' as const,
    },
    {
      person: 'dublin',
      hour: 10,
      place: 'Tribunal administratif de Lille',
      hostOrganisation: 'Tribunal administratif',
      purpose: 'pathway_step' as const,
      procedureId: dublin.id,
      stage: 'transfer_appeal',
      interpreterLanguage: 'ti',
      interpreter: 'Dawit Bekele',
      transport: 'ticket' as const,
    },
    {
      person: 'return',
      hour: 14,
      place: 'OFII, Calais',
      hostOrganisation: 'OFII',
      purpose: 'pathway_step' as const,
      procedureId: back.id,
      stage: 'eligibility',
      interpreterLanguage: 'ckb',
      transport: 'accompanied' as const,
    },
    {
      person: 'undecided',
      hour: 15,
      place: 'Information point, Rue des Garennes',
      hostOrganisation: 'Refugee Aid Calais',
      purpose: 'counselling' as const,
      interpreterLanguage: 'am',
      transport: 'none' as const,
    },
  ];
  // The outreach team of the camp accompanies people to tomorrow's appointments.
  const camp = await findFirstSettlement(ctx.db);
  for (const { person, hour, interpreter, ...appointment } of tomorrow) {
    const created = await createAppointment(caseworker, {
      personId: ids.get(person)!,
      startsAt: at(1, hour),
      ...(camp ? { siteId: camp.id } : {}),
      ...appointment,
    });
    if (interpreter)
      await bookInterpreter(caseworker, {
        interpreterId: roster.get(interpreter)!,
        appointmentId: created.id,
      });
  }
  // A medical referral two days ago that the person missed: its follow-up is due.
  const missed = await createAppointment(caseworker, {
    personId: ids.get('family')!,
    purpose: 'medical_referral',
    startsAt: at(-2, 10),
    place: 'PASS, Centre hospitalier de Calais',
    hostOrganisation: 'Permanence d’accès aux soins de santé',
    interpreterLanguage: 'fa-AF',
    transport: 'own',
  });
  await recordOutcome(caseworker, missed.id, 'missed');
  await markDemoRows(ctx.db, ngo);
}

export const pathwaysDemoSeeder: DemoModuleSeeder = { name: 'pathways', seed: seedPathways };
