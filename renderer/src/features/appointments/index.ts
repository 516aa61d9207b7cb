export { appointmentsKeys } from './queries';
