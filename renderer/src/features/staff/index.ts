export { StaffPanel } from './StaffPanel';
export { OwnProfilePage } from './OwnProfilePage';
export { staffKeys } from './queries';
export { OwnLanguageMenu } from './OwnLanguageMenu';
export { ScreenLanguageSelect } from './ScreenLanguageSelect';
