export { PatientDetailsFields } from './PatientDetailsFields';
export { PatientSearchPage } from './PatientSearchPage';
export { RegisterPatientPage } from './RegisterPatientPage';
export { RegisterSettingsForm } from './RegisterSettingsForm';
export { patientsKeys } from './queries';
export { useSearchShortcut } from './search-shortcut';
