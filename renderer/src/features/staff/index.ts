export { StaffPanel } from './StaffPanel';
export { staffKeys } from './queries';
export { OwnLanguageMenu } from './OwnLanguageMenu';
export { ScreenLanguageSelect } from './ScreenLanguageSelect';
