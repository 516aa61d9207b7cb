import { Route, Routes } from 'react-router';
import type { StaffUser } from '../../../shared/api/domains/staff';
import { PatientSearchPage } from './patients/PatientSearchPage';
import { RegisterPatientPage } from './patients/RegisterPatientPage';
import { PatientChart } from './patients/PatientChart';
import { HistoryPage } from './patients/HistoryPage';

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
