import { accountRoutes } from '../modules/access/account.routes.js';
import { authRoutes } from '../modules/access/auth.routes.js';
import { usersRoutes } from '../modules/access/users.routes.js';
import { alertsRoutes } from '../modules/alerts/alerts.routes.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { casesRoutes } from '../modules/cases/cases.routes.js';
import { dataProtectionRoutes } from '../modules/dataprotection/dataprotection.routes.js';
import { informationRoutes } from '../modules/information/information.routes.js';
import { matchingRoutes } from '../modules/matching/matching.routes.js';
import { pathwaysRoutes } from '../modules/pathways/pathways.routes.js';
import { receptionRoutes } from '../modules/reception/reception.routes.js';
import { householdsRoutes } from '../modules/registry/households.routes.js';
import { importRoutes } from '../modules/registry/import/import.routes.js';
import { peopleRoutes } from '../modules/registry/people.routes.js';
import { reportingRoutes } from '../modules/reporting/reporting.routes.js';
import { reunificationRoutes } from '../modules/reunification/reunification.routes.js';
import { sitesRoutes } from '../modules/sites/sites.routes.js';
import { syncRoutes } from '../modules/sync/sync.routes.js';
import type { RouteApp } from './http/types.js';
import { systemRoutes } from './system.routes.js';

/** Each module's routes, in one list: adding a module is one line here. */
const MODULE_ROUTES: Array<(app: RouteApp) => Promise<void>> = [
  systemRoutes,
  authRoutes,
  accountRoutes,
  usersRoutes,
  auditRoutes,
  alertsRoutes,
  peopleRoutes,
  householdsRoutes,
  importRoutes,
  matchingRoutes,
  sitesRoutes,
  receptionRoutes,
  casesRoutes,
  reunificationRoutes,
  informationRoutes,
  pathwaysRoutes,
  reportingRoutes,
  dataProtectionRoutes,
  syncRoutes,
];

export async function registerModuleRoutes(app: RouteApp): Promise<void> {
  for (const routes of MODULE_ROUTES) await app.register(routes);
}
