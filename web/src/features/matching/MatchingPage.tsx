import { Navigate, Route, Routes } from 'react-router';
import { usePermissions } from '../../app/session';
import { ComparePage } from './compare/ComparePage';
import { DuplicatesQueuePage } from './queue/DuplicatesQueuePage';
import { DuplicateSearchPage } from './search/DuplicateSearchPage';

/**
 * /matching: the review queue for reviewers (everyone else who reads people lands on the check),
 * /matching/search: check for duplicates, /matching/pairs/:id: compare two records and decide.
 */
export function MatchingPage() {
  const reviews = usePermissions().has('duplicates.review');
  return (
    <Routes>
      <Route index element={reviews ? <DuplicatesQueuePage /> : <Navigate to="search" replace />} />
      <Route path="search" element={<DuplicateSearchPage />} />
      <Route path="pairs/:id" element={<ComparePage />} />
    </Routes>
  );
}
