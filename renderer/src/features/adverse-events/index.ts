export { AdverseEventsPanel } from './AdverseEventsPanel';
export { OpenAdverseEvents } from './OpenAdverseEvents';
export { adverseEventsKeys } from './queries';
