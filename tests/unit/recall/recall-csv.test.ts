import { describe, expect, it } from 'vitest';
import { recallCsv } from '../../../electron/services/recall/lot-recall';
import type { RecallRow } from '../../../shared/api/recall';

function row(overrides: Partial<RecallRow>): RecallRow {
  return {
    patientId: 'p1',
    clinicNumber: 'MC-000001',
    patientName: 'Şebnem Yılmaz',
    phone: '',
    email: '',
    address: '',
    sessionId: 's1',
    sessionDate: '2026-03-01',
    sessionStatus: 'signed',
    practitionerName: 'Inès Moreau',
    productName: 'NCTF 135 HA',
    lotNumber: 'VA-001',
    areas: ['cheeks'],
    volumeMl: 2,
    ...overrides,
  };
}

/** The cells of the one data line, unquoted, as a spreadsheet would read them. */
function cells(csv: string): string[] {
  const line =
    csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')[1] ?? '';
  return [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] ?? '').replace(/""/g, '"'));
}

describe('the lot-recall CSV', () => {
  it('keeps every cell that a spreadsheet would run as a formula as text', () => {
    const hostile = [
      '=HYPERLINK("http://evil.example","Click")',
      "+1+cmd|' /C calc'!A0",
      '-2+3',
      '@SUM(A1:A2)',
      '\tindented',
      '\rreturn',
    ];
    for (const text of hostile) {
      const [, patientName, , email, address] = cells(
        recallCsv([row({ patientName: text, email: text, address: text })]),
      );
      for (const cell of [patientName, email, address]) expect(cell).toBe(`'${text}`);
    }
  });

  it('leaves ordinary names, addresses and numbers as they are, quotes and commas inside', () => {
    const [, name, phone, , address, , , , , , areas, volume] = cells(
      recallCsv([
        row({
          patientName: 'Zoë "Jo" Ångström, Jr',
          phone: '+90 532 123 45 67',
          address: 'Storgatan 1\nLund',
          areas: ['cheeks', 'neck'],
        }),
      ]),
    );
    expect(name).toBe('Zoë "Jo" Ångström, Jr');
    // A phone number's + would start a formula too: escaped like any other cell.
    expect(phone).toBe("'+90 532 123 45 67");
    expect(address).toBe('Storgatan 1\nLund');
    expect(areas).toBe('cheeks; neck');
    expect(volume).toBe('2');
  });
});
