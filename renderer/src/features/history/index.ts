export { AlertsStrip } from './AlertsStrip';
export { HistoryPage } from './HistoryPage';
export { HistoryTab } from './HistoryTab';
export { TabletHistoryScreen } from './TabletHistoryScreen';
export { TabletHandBackScreen } from './TabletHandBack';
export { historyKeys } from './queries';
