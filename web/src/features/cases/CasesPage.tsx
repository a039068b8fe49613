import { Route, Routes } from 'react-router';
import { CasePage } from './case/CasePage';
import { CaseloadPage } from './caseload/CaseloadPage';
import { OpenCasePage } from './open/OpenCasePage';
import { ReferralsPage } from './referrals/ReferralsPage';
import { SupervisionPage } from './supervision/SupervisionPage';

/** /cases: caseload; /cases/new: open a case; /cases/referrals; /cases/supervision; /cases/:id. */
export function CasesPage() {
  return (
    <Routes>
      <Route index element={<CaseloadPage />} />
      <Route path="new" element={<OpenCasePage />} />
      <Route path="referrals" element={<ReferralsPage />} />
      <Route path="supervision" element={<SupervisionPage />} />
      <Route path=":id" element={<CasePage />} />
    </Routes>
  );
}
