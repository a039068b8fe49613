import type { IconName } from './icons';

export type NavGroup = 'protection' | 'field' | 'outreach' | 'dataProtection' | 'administration';

export interface NavEntry {
  id: string;
  path: string;
  /** i18n key in the `common` namespace. */
  label: string;
  icon: IconName;
  group: NavGroup;
  /** Permission the server reports in `/api/me` `permissions`; none = every signed-in user. */
  permission?: string;
  /** False until the module's pages exist: the entry is then neither routed nor shown. */
  ready: boolean;
}

/**
 * Every module of Passerelle, in menu order. The UI never checks roles: an entry shows when its
 * module is built and the server says the user holds its permission.
 */
export const NAVIGATION = [
  {
    id: 'people',
    path: '/people',
    label: 'nav.people',
    icon: 'people',
    group: 'protection',
    permission: 'people.read',
    ready: true,
  },
  {
    id: 'matching',
    path: '/matching',
    label: 'nav.matching',
    icon: 'copy',
    group: 'protection',
    permission: 'matching.search',
    ready: true,
  },
  {
    id: 'cases',
    path: '/cases',
    label: 'nav.cases',
    icon: 'cases',
    group: 'protection',
    permission: 'cases.read',
    ready: true,
  },
  {
    id: 'reunification',
    path: '/reunification',
    label: 'nav.reunification',
    icon: 'reunification',
    group: 'protection',
    permission: 'reunification.read',
    ready: true,
  },
  {
    id: 'pathways',
    path: '/pathways',
    label: 'nav.pathways',
    icon: 'pathways',
    group: 'protection',
    permission: 'pathways.read',
    ready: true,
  },
  {
    id: 'sites',
    path: '/sites',
    label: 'nav.sites',
    icon: 'sites',
    group: 'field',
    permission: 'sites.read',
    ready: true,
  },
  {
    id: 'offline',
    path: '/offline',
    label: 'nav.offline',
    icon: 'sites',
    group: 'field',
    permission: 'sync.use',
    ready: true,
  },
  {
    id: 'reception',
    path: '/reception',
    label: 'nav.reception',
    icon: 'reception',
    group: 'field',
    permission: 'reception.read',
    ready: true,
  },
  {
    id: 'information',
    path: '/information',
    label: 'nav.information',
    icon: 'information',
    group: 'outreach',
    permission: 'information.manage',
    ready: true,
  },
  {
    id: 'reporting',
    path: '/reports',
    label: 'nav.reporting',
    icon: 'reporting',
    group: 'outreach',
    permission: 'reports.read',
    ready: true,
  },
  {
    id: 'audit',
    path: '/audit',
    label: 'nav.audit',
    icon: 'audit',
    group: 'dataProtection',
    permission: 'audit.read',
    ready: true,
  },
  {
    id: 'dataprotection',
    path: '/data-protection',
    label: 'nav.dataProtection',
    icon: 'audit',
    group: 'dataProtection',
    permission: 'dataprotection.manage',
    ready: true,
  },
  {
    id: 'users',
    path: '/users',
    label: 'nav.users',
    icon: 'users',
    group: 'administration',
    permission: 'users.manage',
    ready: true,
  },
  {
    id: 'organisations',
    path: '/organisations',
    label: 'nav.organisations',
    icon: 'organisations',
    group: 'administration',
    permission: 'organisations.read',
    ready: true,
  },
  {
    id: 'account',
    path: '/account',
    label: 'nav.account',
    icon: 'account',
    group: 'administration',
    ready: true,
  },
] as const satisfies readonly NavEntry[];

export type ReadyEntryId = Extract<(typeof NAVIGATION)[number], { ready: true }>['id'];

export const NAV_GROUPS: readonly NavGroup[] = [
  'protection',
  'field',
  'outreach',
  'dataProtection',
  'administration',
];

const entries: readonly NavEntry[] = NAVIGATION;

/** Modules whose pages exist (and are routed). */
export function readyEntries(): NavEntry[] {
  return entries.filter((entry) => entry.ready);
}

/** The entries this user may open: built modules whose permission the server granted. */
export function visibleEntries(permissions: ReadonlySet<string>): NavEntry[] {
  return readyEntries().filter((entry) => !entry.permission || permissions.has(entry.permission));
}
