export { AlertsStrip } from './AlertsStrip';
export { HistoryPage } from './HistoryPage';
export { HistoryTab } from './HistoryTab';
export { TabletHistoryScreen } from './TabletHistoryScreen';
export { historyKeys } from './queries';
