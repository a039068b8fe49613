/** Valid bodies for the sites module's endpoints; override what the test is about. */

export function buildSite(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Calais — informal camp',
    kind: 'informal_settlement',
    status: 'open',
    location: { latitude: 50.9658, longitude: 1.8995 },
    ...overrides,
  };
}

export function buildEstimate(overrides: Record<string, unknown> = {}) {
  return {
    date: '2016-02-20',
    sourceName: 'Prefecture of Pas-de-Calais',
    sourceKind: 'authority',
    point: 800,
    ...overrides,
  };
}

export function buildAssessment(overrides: Record<string, unknown> = {}) {
  return {
    date: '2016-02-15',
    shelter: 4,
    waterSanitation: 4,
    healthAccess: 3,
    protection: 5,
    latrines: 60,
    waterPoints: 12,
    protectionRisks: ['violence', 'child_protection', 'no_lighting'],
    servicesPresent: ['water', 'sanitation', 'legal_aid'],
    keyInformants: [
      { kind: 'community_leader', count: 4 },
      { kind: 'volunteer', count: 2 },
    ],
    ...overrides,
  };
}

export function buildIncident(overrides: Record<string, unknown> = {}) {
  return {
    date: '2016-03-01',
    kind: 'police_action',
    severity: 'high',
    peopleAffected: 40,
    description:
      'Tear gas used near the eastern shelters during the clearance; volunteer medics treated 12 people.',
    ...overrides,
  };
}
