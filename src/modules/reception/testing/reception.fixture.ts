import { expect } from 'vitest';
import { buildPerson } from '../../../../test/factories/people.js';
import type { ApiResponse } from '../../../../test/helpers/api-client.js';
import type { Harness, TestUser } from '../../../../test/helpers/harness.js';
import type { RegisterPersonInput } from '../../registry/registry.schema.js';

/** An organisation with a reception coordinator and a registrar, a camp and centres to fill. */
export interface ReceptionWorld {
  orgId: string;
  coordinator: TestUser;
  registrar: TestUser;
  camp: string;
  centre(input?: CentreInput): Promise<string>;
  person(overrides?: Partial<RegisterPersonInput>): Promise<string>;
  family(size: number): Promise<string[]>;
  relocate(personIds: string[], toSiteId: string): Promise<string>;
  move(id: string, to: string, extra?: Record<string, unknown>): Promise<ApiResponse>;
}

interface CentreInput {
  places?: Record<string, number>;
  blocked?: Record<string, number>;
  childProtection?: boolean;
  medicalCare?: boolean;
  region?: string;
  kind?: 'orientation_centre' | 'reception_centre';
}

export async function receptionWorld(h: Harness): Promise<ReceptionWorld> {
  const orgId = (await h.createOrg()).id;
  const coordinator = await h.createUser(['reception_coordinator'], orgId);
  const registrar = await h.createUser(['registration_officer'], orgId);
  const site = async (body: Record<string, unknown>) => {
    const response = await coordinator.api.post('/api/sites', body);
    expect(response.status, response.raw).toBe(201);
    return response.body.id as string;
  };
  const camp = await site({
    name: h.unique('Camp'),
    kind: 'informal_settlement',
    status: 'open',
    region: 'Hauts-de-France',
  });
  const world: ReceptionWorld = {
    orgId,
    coordinator,
    registrar,
    camp,
    async centre(input = {}) {
      const id = await site({
        name: h.unique('Centre'),
        kind: input.kind ?? 'orientation_centre',
        status: 'open',
        region: input.region ?? 'Bretagne',
      });
      const response = await coordinator.api.put(`/api/sites/${id}/capacity`, {
        places: input.places ?? { family: 10, single_men: 10, single_women: 10 },
        ...(input.blocked ? { blocked: input.blocked } : {}),
        services: {
          medicalCare: input.medicalCare ?? false,
          childProtection: input.childProtection ?? false,
          accessible: true,
          languages: ['fr', 'ar'],
        },
      });
      expect(response.status, response.raw).toBe(200);
      return id;
    },
    async person(overrides = {}) {
      const response = await registrar.api.post('/api/people', buildPerson({ siteId: camp, ...overrides }));
      expect(response.status, response.raw).toBe(201);
      return response.body.person.id as string;
    },
    async family(size) {
      const household = await registrar.api.post('/api/households', { siteId: camp });
      expect(household.status, household.raw).toBe(201);
      const ids = [
        await world.person({ householdId: household.body.id, relationship: 'head', birthYear: 1985 }),
      ];
      while (ids.length < size)
        ids.push(
          await world.person({ householdId: household.body.id, relationship: 'child', birthYear: 2012 }),
        );
      return ids;
    },
    async relocate(personIds, toSiteId) {
      const response = await coordinator.api.post('/api/relocations', { personIds, toSiteId });
      expect(response.status, response.raw).toBe(201);
      return response.body.id as string;
    },
    move(id, to, extra = {}) {
      return coordinator.api.post(`/api/relocations/${id}/transitions`, { to, ...extra });
    },
  };
  return world;
}

/** Free places of one category at one centre, as the availability endpoint reports them. */
export async function freeAt(world: ReceptionWorld, siteId: string, category: string) {
  const response = await world.coordinator.api.get(`/api/reception/availability?siteId=${siteId}`);
  expect(response.status, response.raw).toBe(200);
  return response.body.centres[0].categories.find((c: { category: string }) => c.category === category);
}
