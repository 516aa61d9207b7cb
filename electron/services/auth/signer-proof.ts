import type { Queryable } from '../store/db';
import type { SignerProof } from '../../../shared/api/documents';
import { AppError } from '../core/errors';
import { authenticate } from './sign-in';
import { findStaffById } from '../staff/staff';

/**
 * A practitioner's signature (on a consent, on a session) is given only by that practitioner:
 * they are the one signed in, or they re-enter their own password at a workstation where someone
 * else is signed in. Anything else is refused with NOT_THE_SIGNER before anything is written.
 * A wrong password counts towards the same growing delay as a failed sign-in (kept even though
 * the call fails), so the signing dialog cannot be used to guess a password.
 */
export async function proveSigner(
  db: Queryable,
  now: Date,
  actorId: string,
  signerId: string,
  password: string | undefined,
  field: string,
): Promise<SignerProof> {
  const signer = await findStaffById(db, signerId);
  if (!signer) throw new AppError('NOT_FOUND', 'The practitioner of this record no longer exists');
  const name = signer.display_name;
  const refuse = (message: string) =>
    new AppError('NOT_THE_SIGNER', message, { fields: { [field]: message } });
  if (signer.active !== 1) throw refuse(`${name}'s account is deactivated; they cannot sign`);
  if (signerId === actorId) return 'signed-in';
  if (password === undefined) {
    throw refuse(
      `Only ${name} can give this signature: ${name} signs in, or enters their own password here`,
    );
  }
  if (signer.must_change_password === 1) {
    throw refuse(`${name} must first choose their own password (it was reset)`);
  }
  try {
    await authenticate(db, signer.username, password, now);
  } catch (error) {
    if (error instanceof AppError && error.code === 'INVALID_CREDENTIALS') {
      const message = `That is not ${name}'s password`;
      throw new AppError('INVALID_CREDENTIALS', message, {
        fields: { [field]: message },
        keepWrites: true,
      });
    }
    throw error;
  }
  return 'password';
}
