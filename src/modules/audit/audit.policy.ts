import { definePermissions } from '../access/permissions.js';

export const AuditPermissions = definePermissions({
  'audit.read': ['data_protection_officer'],
});
