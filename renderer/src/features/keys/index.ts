export { KeysGate } from './KeysGate';
export { RecoverPanel } from './RecoverPanel';
export { RecoveryKeyPanel } from './RecoveryKeyPanel';
export { ServerConnectForm } from './ServerConnectForm';
