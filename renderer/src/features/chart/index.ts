export { PatientChart } from './PatientChart';
export { PatientTreatmentsPage } from './PatientTreatmentsPage';
