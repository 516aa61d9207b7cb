import { fillWords, wordingFor } from '../../../../shared/documents/wording';

/** The practitioner as printed: their name, then their licence or registration number if set. */
export function withLicence(
  p: { fullName: string; licenceNumber?: string | undefined },
  language = 'en',
): string {
  if (!p.licenceNumber) return p.fullName;
  const number = fillWords(wordingFor(language).labels.registration, { number: p.licenceNumber });
  return `${p.fullName} (${number})`;
}
