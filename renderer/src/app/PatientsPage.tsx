import { Route, Routes } from 'react-router';
import type { StaffUser } from '../../../shared/api/staff';
import { PatientChart } from '../features/chart';
import { FirstSteps } from '../features/clinic';
import { HistoryPage } from '../features/history';
import { PatientSearchPage, RegisterPatientPage } from '../features/patients';

/**
 * The register: search, registration, the chart and the history taken at the desk. Routing that
 * spans features lives in app/, so the chart can use the patients feature without a circle.
 */
export function PatientsPage({ user }: { user: StaffUser }) {
  return (
    <Routes>
      <Route
        index
        element={
          <>
            {user.role === 'admin' ? <FirstSteps /> : null}
            <PatientSearchPage />
          </>
        }
      />
      <Route path="new" element={<RegisterPatientPage />} />
      <Route path=":id" element={<PatientChart user={user} />} />
      <Route path=":id/history/new" element={<HistoryPage />} />
    </Routes>
  );
}
