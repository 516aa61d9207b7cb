export { KeysGate } from './KeysGate';
export { RecoverPanel } from './RecoverPanel';
export { RecoveryKeyPanel } from './RecoveryKeyPanel';
export { ServerConnectForm } from './ServerConnectForm';
export { ServerFields, useExplainServerCheck, type ServerForm } from './ServerFields';
export { SERVER_DEFAULTS } from './ServerConnectForm';
