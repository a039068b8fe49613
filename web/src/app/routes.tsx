import { type ComponentType, createElement, type LazyExoticComponent, lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { loadReportsPage } from '../features/reporting/prefetch';
import { ErrorBoundary } from './ErrorBoundary';
import { type ReadyEntryId, readyEntries } from './navigation';
import { usePermissions } from './session';
import { ForbiddenState, NotFoundState, PageLoader } from './states';

type Page = LazyExoticComponent<ComponentType>;

/** Each page is its own chunk, downloaded when first opened. Every `ready` entry must have one. */
const pages: Record<ReadyEntryId, Page> = {
  people: lazy(() => import('../features/people/PeoplePage').then((m) => ({ default: m.PeoplePage }))),
  cases: lazy(() => import('../features/cases/CasesPage').then((m) => ({ default: m.CasesPage }))),
  matching: lazy(() =>
    import('../features/matching/MatchingPage').then((m) => ({ default: m.MatchingPage })),
  ),
  audit: lazy(() => import('../features/audit/AuditPage').then((m) => ({ default: m.AuditPage }))),
  users: lazy(() => import('../features/access/users/UsersPage').then((m) => ({ default: m.UsersPage }))),
  organisations: lazy(() =>
    import('../features/access/organisations/OrganisationsPage').then((m) => ({
      default: m.OrganisationsPage,
    })),
  ),
  sites: lazy(() => import('../features/sites/SitesPage').then((m) => ({ default: m.SitesPage }))),
  reception: lazy(() =>
    import('../features/reception/ReceptionPage').then((m) => ({ default: m.ReceptionPage })),
  ),
  offline: lazy(() => import('../features/offline/OfflinePage').then((m) => ({ default: m.OfflinePage }))),
  reunification: lazy(() =>
    import('../features/reunification/ReunificationPage').then((m) => ({ default: m.ReunificationPage })),
  ),
  pathways: lazy(() =>
    import('../features/pathways/PathwaysPage').then((m) => ({ default: m.PathwaysPage })),
  ),
  information: lazy(() =>
    import('../features/information/InformationPage').then((m) => ({ default: m.InformationPage })),
  ),
  // Starts the overview request and the chart chunk beside the page chunk (no waterfall).
  reporting: lazy(loadReportsPage),
  dataprotection: lazy(() =>
    import('../features/dataprotection/DataProtectionPage').then((m) => ({ default: m.DataProtectionPage })),
  ),
  account: lazy(() =>
    import('../features/access/account/AccountPage').then((m) => ({ default: m.AccountPage })),
  ),
};

const HomePage = lazy(() => import('./HomePage').then((m) => ({ default: m.HomePage })));
// Where a registration card's QR code leads.
const CardCodePage = lazy(() =>
  import('../features/pathways/CardCodePage').then((m) => ({ default: m.CardCodePage })),
);

export function AppRoutes() {
  const permissions = usePermissions();
  const { pathname } = useLocation();
  return (
    <ErrorBoundary resetKey={pathname}>
      <Suspense fallback={<PageLoader />}>
        <Routes>
          <Route index element={<HomePage />} />
          {readyEntries().map((entry) => {
            const allowed = !entry.permission || permissions.has(entry.permission);
            const page = pages[entry.id as ReadyEntryId];
            return (
              <Route
                key={entry.id}
                path={`${entry.path}/*`}
                element={allowed ? createElement(page) : <ForbiddenState />}
              />
            );
          })}
          <Route path="/p/:code" element={<CardCodePage />} />
          <Route path="/sign-in" element={<Navigate to="/" replace />} />
          <Route path="*" element={<NotFoundState />} />
        </Routes>
      </Suspense>
    </ErrorBoundary>
  );
}
