import { type ComponentType, lazy } from 'react';
import type { Person, PersonAction } from '../types';
import { ConsentTab } from './ConsentTab';
import { HistoryTab } from './HistoryTab';
import { HouseholdTab } from './HouseholdTab';
import { NeedsTab } from './NeedsTab';
import { OverviewTab } from './OverviewTab';

export interface PersonTab {
  /** Also the `?tab=` value in the address, so a tab can be linked to. */
  id: string;
  /** i18n key with its namespace, e.g. `people:profile.tabs.needs`. */
  label: string;
  /**
   * Whether the tab has anything for this user: from the record as the server sent it, or from
   * the permissions the server granted (`/api/me`) for tabs of other modules.
   */
  isVisible: (person: Person, permissions: ReadonlySet<string>) => boolean;
  Panel: ComponentType<{ person: Person }>;
}

const allows = (person: Person, action: PersonAction) => person.allowed.includes(action);

// Other modules' tabs load with their module's code, when first opened.
const CasesTab = lazy(() => import('../../cases/CasesTab').then((m) => ({ default: m.CasesTab })));
const DuplicatesTab = lazy(() =>
  import('../../matching/DuplicatesTab').then((m) => ({ default: m.DuplicatesTab })),
);
const PathwayTab = lazy(() => import('../../pathways/PathwayTab').then((m) => ({ default: m.PathwayTab })));

/**
 * The tabs of a person's profile, in order. This list is the extension point: the cases,
 * relocation and reunification modules add their own entry here (a panel fetching their
 * records for `person.id`), shown when the server's answer says the user may see them.
 */
export const PERSON_TABS: PersonTab[] = [
  { id: 'overview', label: 'people:profile.tabs.overview', isVisible: () => true, Panel: OverviewTab },
  {
    id: 'needs',
    label: 'people:profile.tabs.needs',
    isVisible: (p) => p.specificNeeds !== undefined || p.needCategories !== undefined,
    Panel: NeedsTab,
  },
  {
    id: 'consent',
    label: 'people:profile.tabs.consent',
    isVisible: (p) => p.consent !== undefined,
    Panel: ConsentTab,
  },
  {
    id: 'history',
    label: 'people:profile.tabs.history',
    isVisible: (p) => allows(p, 'viewHistory'),
    Panel: HistoryTab,
  },
  {
    id: 'household',
    label: 'people:profile.tabs.household',
    isVisible: (p) => p.householdId !== null || allows(p, 'editHousehold'),
    Panel: HouseholdTab,
  },
  {
    id: 'cases',
    label: 'cases:tab.label',
    isVisible: (_person, permissions) => permissions.has('cases.read'),
    Panel: CasesTab,
  },
  {
    id: 'pathway',
    label: 'pathways:tab.label',
    isVisible: (_person, permissions) => permissions.has('pathways.read') || permissions.has('cards.print'),
    Panel: PathwayTab,
  },
  {
    id: 'duplicates',
    label: 'matching:tab.label',
    isVisible: (p, permissions) => permissions.has('matching.search') && p.givenName !== undefined,
    Panel: DuplicatesTab,
  },
];
