export { KeysGate } from './KeysGate';
export { RecoverPanel } from './RecoverPanel';
