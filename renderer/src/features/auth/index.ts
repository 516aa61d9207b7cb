export { ChangePasswordScreen } from './ChangePasswordScreen';
export { LockScreen } from './LockScreen';
export { SetupScreen } from './SetupScreen';
export { SignInScreen } from './SignInScreen';
