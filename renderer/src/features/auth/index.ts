export { LockScreen } from './LockScreen';
export { SetupScreen } from './SetupScreen';
export { SignInScreen } from './SignInScreen';
