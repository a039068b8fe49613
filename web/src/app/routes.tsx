import type { QueryClient } from '@tanstack/react-query';
import { createElement, Suspense, useSyncExternalStore } from 'react';
import { matchPath, Navigate, Route, Routes, useLocation } from 'react-router';
import type { Me } from '../api/types';
import { loadReportsPageChunk, startReportsData } from '../features/reporting/prefetch';
import { bootScriptRan } from './boot';
import { ErrorBoundary } from './ErrorBoundary';
import { type LazyPage, lazyPage } from './lazy-page';
import { type ReadyEntryId, readyEntries } from './navigation';
import { usePermissions } from './session';
import { ForbiddenState, NotFoundState, PageLoader } from './states';

/**
 * Each page is its own chunk, downloaded when first opened with the strings it shows (its module's
 * namespace and those of other modules' parts it draws, such as the profile's tabs). Every `ready`
 * entry must have one. Nothing of a feature is in the entry chunk.
 */
const pages: Record<ReadyEntryId, LazyPage> = {
  people: lazyPage(
    () => import('../features/people/PeoplePage').then((m) => m.PeoplePage),
    // The profile's tabs of other modules are labelled with their strings.
    ['people', 'cases', 'pathways', 'matching'],
  ),
  cases: lazyPage(() => import('../features/cases/CasesPage').then((m) => m.CasesPage), ['cases']),
  matching: lazyPage(
    () => import('../features/matching/MatchingPage').then((m) => m.MatchingPage),
    ['matching', 'people'],
  ),
  audit: lazyPage(() => import('../features/audit/AuditPage').then((m) => m.AuditPage), ['audit']),
  users: lazyPage(() => import('../features/access/users/UsersPage').then((m) => m.UsersPage), ['access']),
  organisations: lazyPage(
    () => import('../features/access/organisations/OrganisationsPage').then((m) => m.OrganisationsPage),
    ['access'],
  ),
  sites: lazyPage(() => import('../features/sites/SitesPage').then((m) => m.SitesPage), ['sites']),
  reception: lazyPage(
    () => import('../features/reception/ReceptionPage').then((m) => m.ReceptionPage),
    ['reception'],
  ),
  offline: lazyPage(() => import('../features/offline/OfflinePage').then((m) => m.OfflinePage), ['offline']),
  reunification: lazyPage(
    () => import('../features/reunification/ReunificationPage').then((m) => m.ReunificationPage),
    ['reunification', 'people'],
  ),
  pathways: lazyPage(
    () => import('../features/pathways/PathwaysPage').then((m) => m.PathwaysPage),
    ['pathways'],
  ),
  information: lazyPage(
    () => import('../features/information/InformationPage').then((m) => m.InformationPage),
    ['information'],
  ),
  // Once the session is known, the overview request and the chart chunk start beside the page.
  reporting: lazyPage(loadReportsPageChunk, ['reporting'], startReportsData),
  dataprotection: lazyPage(
    () => import('../features/dataprotection/DataProtectionPage').then((m) => m.DataProtectionPage),
    ['dataprotection', 'people'],
  ),
  account: lazyPage(
    () => import('../features/access/account/AccountPage').then((m) => m.AccountPage),
    ['access', 'offline'],
  ),
};

// The home page shows the alert inbox of the cases module.
const homePage = lazyPage(() => import('./HomePage').then((m) => m.HomePage), ['cases']);
// Where a registration card's QR code leads.
const cardCodePage = lazyPage(
  () => import('../features/pathways/CardCodePage').then((m) => m.CardCodePage),
  [],
);

/** The page drawn at `pathname` (the home page, a card code, or a module's pages). */
function pageAt(pathname: string): { page: LazyPage; permission?: string } | undefined {
  if (pathname === '/') return { page: homePage };
  if (matchPath('/p/:code', pathname)) return { page: cardCodePage };
  const entry = readyEntries().find((e) => pathname === e.path || pathname.startsWith(`${e.path}/`));
  return entry && { page: pages[entry.id as ReadyEntryId], permission: entry.permission };
}

// Opened from the address bar (a bookmark, a reload, a link): the page's code and strings download
// while the app shell asks who is signed in, instead of after. Its data waits for the answer.
// When the boot script ran, it preloads the code itself and the strings in the account's language
// once /api/me answers: asked here, they would come in the device's last language, perhaps another.
if (typeof window !== 'undefined' && !bootScriptRan())
  pageAt(window.location.pathname)
    ?.page.preload()
    .catch(() => undefined);

/** How long the app shell waits, at start, to draw the opened page with it rather than a loader. */
const OPENING_WAIT_MS = 1500;
let opening = false;
const openingListeners = new Set<() => void>();
function setOpening(value: boolean): void {
  opening = value;
  for (const listener of openingListeners) listener();
}

/**
 * True while the page opened at start loads its code and strings (at most OPENING_WAIT_MS): the
 * sign-in gate shows its loader meanwhile, then draws the shell and the page in one go. Drawn
 * without the page, the shell would show the page's loader and React would hold the page back for
 * at least 300 ms once it arrived.
 */
export function useOpeningPage(): boolean {
  return useSyncExternalStore(
    (listener) => {
      openingListeners.add(listener);
      return () => openingListeners.delete(listener);
    },
    () => opening,
  );
}

/**
 * Called once /api/me has answered at start (and the account's language applied), before the app
 * re-renders with the answer: the page at `pathname` loads its code and strings and starts its
 * data requests (`onOpen`) if this user may open it.
 */
export function openPageAt(pathname: string, me: Me, queryClient: QueryClient): void {
  const found = pageAt(pathname);
  if (!found || !me.secondFactor.satisfied) return;
  if (found.permission && !me.permissions.includes(found.permission)) return;
  setOpening(true);
  const waited = new Promise((resolve) => setTimeout(resolve, OPENING_WAIT_MS));
  Promise.race([found.page.preload(), waited])
    .catch(() => undefined)
    .finally(() => setOpening(false));
  found.page.open(queryClient);
}

export function AppRoutes() {
  const permissions = usePermissions();
  const { pathname } = useLocation();
  return (
    <ErrorBoundary resetKey={pathname}>
      <Suspense fallback={<PageLoader />}>
        <Routes>
          <Route index element={<homePage.Component />} />
          {readyEntries().map((entry) => {
            const allowed = !entry.permission || permissions.has(entry.permission);
            const page = pages[entry.id as ReadyEntryId];
            return (
              <Route
                key={entry.id}
                path={`${entry.path}/*`}
                element={allowed ? createElement(page.Component) : <ForbiddenState />}
              />
            );
          })}
          <Route path="/p/:code" element={<cardCodePage.Component />} />
          <Route path="/sign-in" element={<Navigate to="/" replace />} />
          <Route path="*" element={<NotFoundState />} />
        </Routes>
      </Suspense>
    </ErrorBoundary>
  );
}
