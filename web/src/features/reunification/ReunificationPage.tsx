import { Route, Routes } from 'react-router';
import { CasePage } from './cases/CasePage';
import { NewCasePage } from './cases/NewCasePage';
import { DashboardPage } from './dashboard/DashboardPage';
import { NewTracingPage } from './tracing/NewTracingPage';
import { TracingListPage } from './tracing/TracingListPage';
import { TracingRequestPage } from './tracing/TracingRequestPage';

/**
 * /reunification: the dashboard; /reunification/tracing[/new|/:id]: tracing requests and their
 * matches; /reunification/cases/new and /reunification/cases/:id: reunification cases.
 */
export function ReunificationPage() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route path="tracing" element={<TracingListPage />} />
      <Route path="tracing/new" element={<NewTracingPage />} />
      <Route path="tracing/:id" element={<TracingRequestPage />} />
      <Route path="cases/new" element={<NewCasePage />} />
      <Route path="cases/:id" element={<CasePage />} />
    </Routes>
  );
}
