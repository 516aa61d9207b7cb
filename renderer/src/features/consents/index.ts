export { ConsentsPanel } from './ConsentsPanel';
export { consentsKeys } from './queries';
