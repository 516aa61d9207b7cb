import type { Queryable } from '../store/db';
import type { SignerProof } from '../../../shared/api/documents';
import { AppError, type Refusal } from '../core/errors';
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
  if (!signer) throw new AppError('NOT_FOUND', { key: 'errors.auth.signerGone' });
  const name = signer.display_name;
  const refuse = (key: Refusal['key']) => {
    const text = { key, params: { name } };
    return new AppError('NOT_THE_SIGNER', text, { fields: { [field]: text } });
  };
  if (signer.active !== 1) throw refuse('errors.auth.signerDeactivated');
  if (signerId === actorId) return 'signed-in';
  if (password === undefined) {
    throw refuse('errors.auth.onlySignerSigns');
  }
  if (signer.must_change_password === 1) {
    throw refuse('errors.auth.signerMustChangePassword');
  }
  try {
    await authenticate(db, signer.username, password, now);
  } catch (error) {
    if (error instanceof AppError && error.code === 'INVALID_CREDENTIALS') {
      const text = { key: 'errors.auth.notSignersPassword', params: { name } } as const;
      throw new AppError('INVALID_CREDENTIALS', text, {
        fields: { [field]: text },
        keepWrites: true,
      });
    }
    throw error;
  }
  return 'password';
}
