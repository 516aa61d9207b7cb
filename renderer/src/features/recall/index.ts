export { RecallPage } from './RecallPage';
