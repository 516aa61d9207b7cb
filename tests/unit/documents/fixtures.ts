import sharp from 'sharp';
import type {
  AftercareDocumentData,
  ConsentDocumentData,
  DocumentMeta,
  SessionSummaryData,
} from '../../../shared/documents/document-data';

export const names = {
  turkish: 'Şebnem Yılmaz',
  swedish: 'Zoë Ångström',
  russian: 'Дарья Иванова',
  greek: 'Νίκος',
  polish: 'Łucja Wiśniewska',
  vietnamese: 'Nguyễn Thị Ánh',
  arabic: 'ليلى حداد',
  hebrew: 'יעל כהן',
} as const;

export const meta: DocumentMeta = {
  documentId: 'DOC-2025-000123',
  generatedAt: '2025-03-14T09:30:00Z',
  locale: 'en-GB',
  timeZone: 'Europe/London',
  pageSize: 'A4',
};

export async function pngDataUrl(svg: string, width: number, height: number): Promise<string> {
  const png = await sharp(Buffer.from(svg)).resize(width, height).png().toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

export function signatureSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="90"><path d="M10 60 C 40 10, 70 90, 100 40 S 160 20, 190 60 S 250 80, 290 30" stroke="#1a237e" stroke-width="4" fill="none"/></svg>`;
}

export function logoSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80"><rect width="200" height="80" rx="12" fill="#2f6f73"/><circle cx="40" cy="40" r="22" fill="#e8f3f3"/><text x="75" y="50" font-size="28" fill="#ffffff" font-family="sans-serif">LUMA</text></svg>`;
}

export const clinic = {
  name: 'Luma Aesthetic Clinic',
  address: 'Bağdat Caddesi 214\n34728 Kadıköy, İstanbul',
  phone: '+90 216 555 01 23',
  email: 'care@luma-clinic.example',
  logoDataUrl: null,
};

export function consentData(fullName: string = names.turkish): ConsentDocumentData {
  return {
    meta,
    clinic,
    patient: {
      fullName,
      dateOfBirth: '1988-07-02',
      clinicNumber: 'LC-004512',
      preferredLanguage: 'en',
    },
    practitioner: { fullName: 'Dr. Elif Demir', qualification: 'MD' },
    procedureKind: 'skin-rejuvenation',
    products: [
      { name: 'NCTF 135 HA', ingredients: ['hyaluronic acid', 'vitamins', 'amino acids'] },
      { name: 'Lidocaine cream 5%', ingredients: ['lidocaine'] },
    ],
    sessions: { planned: 4, intervalDays: 14 },
  };
}

export function aftercareData(fullName: string = names.turkish): AftercareDocumentData {
  return {
    meta,
    clinic,
    patient: {
      fullName,
      dateOfBirth: '1988-07-02',
      clinicNumber: 'LC-004512',
      preferredLanguage: 'en',
    },
    procedureKind: 'skin-rejuvenation',
    session: {
      date: '2025-03-14',
      areas: ['Face (cheeks)', 'Neck', 'Décolleté'],
      technique: 'Nappage',
      depthMm: '1–1.5',
      needle: '32G 4 mm',
      anaesthesia: 'Numbing cream 30 min',
      products: [
        {
          name: 'NCTF 135 HA',
          ingredients: ['hyaluronic acid', 'vitamins', 'amino acids'],
          lotNumber: 'NC-24A117',
          expiry: '2026-09-30',
          volumeMl: 3,
        },
        {
          name: 'Dermaheal SR',
          ingredients: ['peptides', 'hyaluronic acid'],
          lotNumber: 'DH-5521-B',
          expiry: '2026-01-31',
          volumeMl: 2.5,
        },
        {
          name: 'Lidocaine cream 5%',
          ingredients: ['lidocaine'],
          lotNumber: 'LC-77310',
          expiry: '2027-04-30',
          volumeMl: null,
        },
      ],
      practitioner: { fullName: 'Dr. Elif Demir' },
      nextAppointment: { kind: 'appointment', at: '2025-03-28T10:30:00Z' },
    },
    sessions: { planned: 4, intervalDays: 14 },
  };
}

export function summaryData(fullName: string = names.turkish): SessionSummaryData {
  const aftercare = aftercareData(fullName);
  return {
    meta,
    clinic,
    patient: aftercare.patient,
    procedureKind: 'skin-rejuvenation',
    identity: { ageOnSessionDay: 38, sex: 'Female' },
    alerts: [
      'Allergy: Lidocaine',
      'Blood thinner: Eliquis 5mg BID (apixaban)',
      'Open adverse event: Bruising (moderate) since 2025-03-01',
    ],
    session: {
      ...aftercare.session,
      immediateReactions: 'Mild erythema, resolved within 20 minutes.',
      notes: 'Patient tolerated the procedure well. Pinpoint bleeding at two sites on the neck.',
    },
    sessions: aftercare.sessions,
    check: {
      outcome: 'caution',
      findings: [
        {
          label: 'Fish oil / omega-3 within 7 days',
          severity: 'caution',
          detail: 'Last dose 2025-03-11',
        },
        { label: 'Pregnancy', severity: 'clear', detail: null },
      ],
      overrides: [
        {
          finding: 'Fish oil / omega-3 within 7 days',
          reason: 'Low dose; bruising risk explained to the patient, who wished to proceed.',
          by: 'Dr. Elif Demir',
          at: '2025-03-14T09:10:00Z',
        },
      ],
    },
    signed: { by: 'Dr. Elif Demir', at: '2025-03-14T10:05:00Z' },
    addenda: [
      {
        author: 'Dr. Elif Demir',
        at: '2025-03-16T14:00:00Z',
        text: 'Telephone follow-up: small bruise on the left side of the neck, fading. No other concerns.',
      },
    ],
  };
}
