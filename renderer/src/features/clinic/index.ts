export { ClinicFields } from './ClinicFields';
export { LogoInput } from './LogoInput';
export { SettingsPage } from './SettingsPage';
export { FirstSteps } from './FirstSteps';
