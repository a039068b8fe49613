import type { AccessTables } from '../modules/access/access.tables.js';
import type { AlertsTables } from '../modules/alerts/alerts.tables.js';
import type { AuditTables } from '../modules/audit/audit.tables.js';
import type { CasesTables } from '../modules/cases/cases.tables.js';
import type { DataProtectionTables } from '../modules/dataprotection/dataprotection.tables.js';
import type { InformationTables } from '../modules/information/information.tables.js';
import type { MatchingTables } from '../modules/matching/matching.tables.js';
import type { PathwaysTables } from '../modules/pathways/pathways.tables.js';
import type { ReceptionTables } from '../modules/reception/reception.tables.js';
import type { RegistryTables } from '../modules/registry/registry.tables.js';
import type { ReportingTables } from '../modules/reporting/reporting.tables.js';
import type { ReunificationTables } from '../modules/reunification/reunification.tables.js';
import type { SitesTables } from '../modules/sites/sites.tables.js';
import type { SyncTables } from '../modules/sync/sync.tables.js';
import type { SystemTables } from './system.tables.js';

/**
 * The whole database, one interface per module's tables.
 * A module adds its `<name>.tables.ts` and one `extends` entry here.
 */
export interface Database
  extends SystemTables,
    AccessTables,
    AuditTables,
    SitesTables,
    RegistryTables,
    MatchingTables,
    ReceptionTables,
    AlertsTables,
    InformationTables,
    CasesTables,
    DataProtectionTables,
    PathwaysTables,
    ReunificationTables,
    ReportingTables,
    SyncTables {}
