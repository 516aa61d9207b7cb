/**
 * After an admin's reset the user signs in with a temporary code that proves nothing but that
 * the code reached them: until they choose their own password the wrapper lets through only
 * these calls (seeing the session, signing out, locking, and the change itself). Everything
 * else is refused with PASSWORD_CHANGE_REQUIRED, so whoever learnt the code (the admin who read
 * it out) cannot work as that user.
 */
const allowedWhileChanging: ReadonlySet<string> = new Set([
  'auth.state',
  'auth.signIn',
  'auth.signOut',
  'auth.lock',
  'auth.unlock',
  'auth.heartbeat',
  'staff.changeOwnPassword',
]);

export function allowedBeforePasswordChange(operation: string): boolean {
  return allowedWhileChanging.has(operation);
}

export const PASSWORD_CHANGE_MESSAGE =
  'Choose your own password first: your password was reset and the temporary code only allows that';
