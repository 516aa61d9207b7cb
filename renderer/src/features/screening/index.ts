export { PreCheckPage } from './PreCheckPage';
export { ScreeningList } from './ScreeningList';
export { ScreeningSettingsForm } from './ScreeningSettingsForm';
export { SessionCheck } from './SessionCheck';
export { medicineLabel } from './medicine-label';
export { screeningKeys } from './queries';
export { severityColour } from './FindingsPanel';
export { yesNoQuestionLabelKey } from './question-label';
