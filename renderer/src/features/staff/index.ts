export { StaffPanel } from './StaffPanel';
export { staffKeys } from './queries';
