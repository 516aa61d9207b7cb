/** The practitioner as printed: their name, then their licence or registration number if set. */
export function withLicence(p: { fullName: string; licenceNumber?: string | undefined }): string {
  return p.licenceNumber ? `${p.fullName} (Reg. no. ${p.licenceNumber})` : p.fullName;
}
