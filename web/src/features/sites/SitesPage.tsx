import { Route, Routes } from 'react-router';
import { SitePage } from './SitePage';
import { SitesOverview } from './SitesOverview';

/** /sites: the map and list; /sites/:id: one site with its figures, assessments and incidents. */
export function SitesPage() {
  return (
    <Routes>
      <Route index element={<SitesOverview />} />
      <Route path=":id" element={<SitePage />} />
    </Routes>
  );
}
