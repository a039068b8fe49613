// The assessment enumerations as values for the form (the schema's arrays would pull zod in).
export const SEVERITY_FIELDS = ['shelter', 'waterSanitation', 'healthAccess', 'protection'] as const;
export const COUNT_FIELDS = ['latrines', 'waterPoints', 'showers'] as const;
export const PROTECTION_RISKS = [
  'violence',
  'gbv',
  'child_protection',
  'trafficking',
  'exploitation',
  'smuggling',
  'police_operations',
  'eviction',
  'fire',
  'family_separation',
  'no_lighting',
  'unsafe_sanitation',
] as const;
export const SERVICES = [
  'water',
  'sanitation',
  'showers',
  'food',
  'shelter',
  'health',
  'mental_health',
  'legal_aid',
  'information',
  'child_friendly_space',
  'women_safe_space',
  'education',
  'electricity',
  'waste_collection',
] as const;
export const KEY_INFORMANT_KINDS = [
  'community_leader',
  'site_manager',
  'volunteer',
  'health_worker',
  'resident',
  'authority',
  'other',
] as const;
export const INCIDENT_KINDS = [
  'physical_violence',
  'sexual_violence',
  'child_protection',
  'trafficking',
  'police_action',
  'eviction',
  'fire',
  'injury',
  'death',
  'missing_person',
  'theft',
  'other',
] as const;
export const INCIDENT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
