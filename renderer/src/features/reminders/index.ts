export { remindersKeys } from './queries';
export { ReminderSettingsPanel } from './ReminderSettingsPanel';
export { RemindersPage } from './RemindersPage';
