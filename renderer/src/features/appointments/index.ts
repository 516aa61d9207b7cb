export { appointmentsKeys } from './queries';
export { DiaryPage } from './DiaryPage';
export { TodayList } from './TodayList';
export { DiarySettingsPanel } from './DiarySettingsPanel';
export { BookCourseDialog } from './BookCourseDialog';
