import { definePermissions } from '../access/permissions.js';

export const AlertPermissions = definePermissions({
  // Alerts name records of people (ids, rules, due dates; never names): the roles that act on them.
  'alerts.read': [
    'registration_officer',
    'caseworker',
    'case_supervisor',
    'reunification_officer',
    'reception_coordinator',
    'information_officer',
    'data_protection_officer',
  ],
  // Dispatching work to a named colleague is a supervisor's call.
  'alerts.assign': ['case_supervisor'],
});
