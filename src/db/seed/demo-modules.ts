import { casesDemoSeeder } from '../../modules/cases/cases.seed.js';
import { informationSeeder } from '../../modules/information/information.seed.js';
import { pathwaysDemoSeeder } from '../../modules/pathways/pathways.seed.js';
import { receptionDemoSeeder } from '../../modules/reception/reception.seed.js';
import { registryDemoSeeder } from '../../modules/registry/registry.seed.js';
import { reunificationDemoSeeder } from '../../modules/reunification/reunification.seed.js';
import { sitesDemoSeeder } from '../../modules/sites/sites.seed.js';
import type { ServiceContext } from '../../server/context.js';

export interface DemoSeedContext {
  ctx: ServiceContext;
  /** Demo organisation ids by slug. */
  orgIds: Record<string, string>;
  /** Demo user ids by email. */
  userIds: Record<string, string>;
  /** How many people the registry should generate. */
  people: number;
  progress: (step: string, done?: number, total?: number) => void;
}

export interface DemoModuleSeeder {
  name: string;
  seed(context: DemoSeedContext): Promise<void>;
}

/** Each module's demo data, in dependency order: adding a module is one line here. */
export const DEMO_MODULE_SEEDERS: DemoModuleSeeder[] = [
  sitesDemoSeeder,
  registryDemoSeeder,
  casesDemoSeeder,
  receptionDemoSeeder,
  reunificationDemoSeeder,
  informationSeeder,
  pathwaysDemoSeeder,
];
