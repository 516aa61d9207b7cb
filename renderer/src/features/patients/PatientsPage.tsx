import { Route, Routes } from 'react-router';
import type { StaffUser } from '../../../../shared/api/staff';
import { PatientSearchPage } from './PatientSearchPage';
import { RegisterPatientPage } from './RegisterPatientPage';
import { PatientChart } from '../chart/PatientChart';
import { HistoryPage } from '../history/HistoryPage';

/** The register: search, registration, the chart and the history taken at the desk. */
export function PatientsPage({ user }: { user: StaffUser }) {
  return (
    <Routes>
      <Route index element={<PatientSearchPage />} />
      <Route path="new" element={<RegisterPatientPage />} />
      <Route path=":id" element={<PatientChart user={user} />} />
      <Route path=":id/history/new" element={<HistoryPage />} />
    </Routes>
  );
}
