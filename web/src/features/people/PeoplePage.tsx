import { Route, Routes } from 'react-router';
import { ImportPage } from './import/ImportPage';
import { PersonProfilePage } from './profile/PersonProfilePage';
import { RegisterPage } from './register/RegisterPage';
import { PeopleSearchPage } from './search/PeopleSearchPage';

/** /people (search), /people/new (register), /people/import (CSV), /people/:id (profile). */
export function PeoplePage() {
  return (
    <Routes>
      <Route index element={<PeopleSearchPage />} />
      <Route path="new" element={<RegisterPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path=":id" element={<PersonProfilePage />} />
    </Routes>
  );
}
