import { randomUUID } from 'node:crypto';
import type { AllergyTick } from '../../../shared/api/history';
import { areaNames, type TreatmentArea } from '../../../shared/sessions/treatment-terms';
import type { TreatmentSession } from '../../../shared/api/sessions';
import type { PatientRecord } from './record-gather';
import { abandonedWords, draftWords } from './record-status-words';

/**
 * The record as a FHIR R4 collection bundle, for another clinic's system to read: Patient,
 * AllergyIntolerance and MedicationStatement (from the newest history), Procedure (sessions),
 * AdverseEvent, Consent (decisions and signed forms) and Media (photos). Files are referred to
 * by their path inside the export folder. Validated against HL7's JSON schema in the tests.
 */

type Resource = Record<string, unknown> & { resourceType: string; id: string };

export const allergyWords: Record<AllergyTick, string> = {
  localAnaesthetics: 'Local anaesthetics',
  soy: 'Soy (soy-derived phosphatidylcholine)',
  hyaluronicAcid: 'Hyaluronic acid products',
  beeWaspVenom: 'Bee or wasp venom',
  latex: 'Latex',
  eggs: 'Eggs',
};

const gender = { female: 'female', male: 'male', other: 'other', 'not-stated': 'unknown' };
const SYSTEM = 'urn:mesochart';
const ref = (id: string) => ({ reference: `urn:uuid:${id}` });
const text = (t: string) => ({ text: t });
/** FHIR dateTime with a time must carry a zone; a local time without one is given as its day. */
const localDay = (localDateTime: string) => localDateTime.slice(0, 10);

function patientResource(record: PatientRecord): Resource {
  const p = record.patient;
  const telecom = [
    p.phone && { system: 'phone', value: p.phone },
    p.email && { system: 'email', value: p.email },
  ].filter(Boolean);
  return {
    resourceType: 'Patient',
    id: p.id,
    identifier: [{ system: `${SYSTEM}:clinic-number`, value: p.clinicNumber }],
    active: !p.archived,
    name: [{ use: 'official', family: p.familyName, given: [p.givenName] }],
    gender: gender[p.sex],
    birthDate: p.dateOfBirth,
    ...(telecom.length > 0 ? { telecom } : {}),
    ...(p.address.trim() ? { address: [{ text: p.address }] } : {}),
    ...(p.preferredLanguage.trim()
      ? { communication: [{ language: text(p.preferredLanguage), preferred: true }] }
      : {}),
    ...(p.emergencyContactName.trim()
      ? {
          contact: [
            {
              relationship: [text('Emergency contact')],
              name: { text: p.emergencyContactName },
              ...(p.emergencyContactPhone
                ? { telecom: [{ system: 'phone', value: p.emergencyContactPhone }] }
                : {}),
            },
          ],
        }
      : {}),
  };
}

function allergyResources(record: PatientRecord, patientId: string): Resource[] {
  const latest = record.history.at(-1);
  if (!latest) return [];
  const { ticks, other } = latest.answers.allergies;
  const named = [
    ...(Object.keys(ticks) as AllergyTick[])
      .filter((k) => ticks[k] === 'yes')
      .map((k) => allergyWords[k]),
    ...other
      .split(/\n|;/)
      .map((s) => s.trim())
      .filter(Boolean),
  ];
  return named.map((name) => ({
    resourceType: 'AllergyIntolerance',
    id: randomUUID(),
    clinicalStatus: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
          code: 'active',
        },
      ],
    },
    verificationStatus: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
          code: 'unconfirmed',
        },
      ],
    },
    code: text(name),
    patient: ref(patientId),
    recordedDate: latest.recordedAt,
    note: [{ text: `As told by the patient (medical history version ${latest.version})` }],
  }));
}

function medicationResources(record: PatientRecord, patientId: string): Resource[] {
  const latest = record.history.at(-1);
  if (!latest) return [];
  return latest.answers.medicines.map((m) => ({
    resourceType: 'MedicationStatement',
    id: randomUUID(),
    status: 'active',
    medicationCodeableConcept: text(m.text),
    subject: ref(patientId),
    ...(m.lastDose ? { effectiveDateTime: m.lastDose } : {}),
    dateAsserted: latest.recordedAt,
    note: [{ text: `Medical history version ${latest.version}` }],
  }));
}

// A draft is a note still being written for a session under way; an abandoned draft was never
// signed as performed, so FHIR's "not-done" with why in statusReason.
const procedureStatus = { signed: 'completed', draft: 'in-progress', abandoned: 'not-done' };

function procedureStatusReason(s: TreatmentSession) {
  if (s.status !== 'abandoned') return {};
  return { statusReason: text(abandonedWords(s)) };
}

function procedureResources(record: PatientRecord, patientId: string): Resource[] {
  return record.sessions.map((s) => {
    const notes = [
      s.status === 'draft' ? draftWords : '',
      s.notes,
      s.immediateReactions && `Immediate reactions: ${s.immediateReactions}`,
    ]
      .concat(s.addenda.map((a) => `Addendum ${a.writtenAt} by ${a.authorName}: ${a.text}`))
      .filter((n): n is string => Boolean(n?.trim()));
    return {
      resourceType: 'Procedure',
      id: s.id,
      status: procedureStatus[s.status as keyof typeof procedureStatus] ?? 'unknown',
      ...procedureStatusReason(s),
      code: text(['Mesotherapy', s.technique].filter(Boolean).join(': ')),
      subject: ref(patientId),
      performedDateTime: s.performedOn,
      performer: [{ actor: { display: s.practitionerName } }],
      ...(s.areas.length > 0
        ? { bodySite: s.areas.map((a) => text(areaNames[a.area as TreatmentArea] ?? a.area)) }
        : {}),
      ...(s.products.length > 0
        ? {
            usedCode: s.products.map((p) =>
              text(
                `${p.productName}, lot ${p.lotNumber}${p.volumeMl !== null ? `, ${p.volumeMl} ml` : ''}`,
              ),
            ),
          }
        : {}),
      ...(notes.length > 0 ? { note: notes.map((n) => ({ text: n })) } : {}),
    };
  });
}

function adverseEventResources(record: PatientRecord, patientId: string): Resource[] {
  return record.adverseEvents.map((e) => ({
    resourceType: 'AdverseEvent',
    id: e.id,
    actuality: 'actual',
    event: text(
      [e.kind, e.description, e.actionTaken && `Action: ${e.actionTaken}`]
        .filter(Boolean)
        .join('. '),
    ),
    subject: ref(patientId),
    date: e.onsetOn,
    recordedDate: e.recordedAt,
    severity: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/adverse-event-severity',
          code: e.severity,
        },
      ],
    },
    outcome: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/adverse-event-outcome',
          code: e.resolvedOn ? 'resolved' : 'ongoing',
        },
      ],
      ...(e.outcome ? { text: e.outcome } : {}),
    },
    suspectEntity: [{ instance: ref(e.sessionId) }],
  }));
}

const consentStatus = { given: 'active', refused: 'rejected', withdrawn: 'inactive' };
const consentCategory = [
  { coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] },
];
const scope = (code: 'patient-privacy' | 'treatment') => ({
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code }],
});

function consentResources(
  record: PatientRecord,
  patientId: string,
  documentFiles: ReadonlyMap<string, string>,
): Resource[] {
  const decisions = record.consentEvents.map((c) => ({
    resourceType: 'Consent',
    id: c.id,
    status: consentStatus[c.decision],
    scope: scope('patient-privacy'),
    category: consentCategory,
    patient: ref(patientId),
    dateTime: c.recordedAt,
    policyRule: text(c.note.trim() ? `${c.kind}: ${c.note.trim()}` : c.kind),
  }));
  const forms = record.documents
    .filter((d) => d.kind === 'consent' && ['signed', 'signed-on-paper'].includes(d.status))
    .map((d) => ({
      resourceType: 'Consent',
      id: d.id,
      status: 'active',
      scope: scope('treatment'),
      category: consentCategory,
      patient: ref(patientId),
      dateTime: d.status_changed_at,
      policyRule: text(`Treatment consent: ${d.procedure_kind ?? 'procedure'}`),
      sourceAttachment: {
        contentType: 'application/pdf',
        url: documentFiles.get(d.id) ?? '',
        title: `Consent form (${d.status === 'signed' ? 'signed' : 'signed on paper'})`,
      },
    }));
  return [...decisions, ...forms];
}

function mediaResources(
  record: PatientRecord,
  patientId: string,
  photoFiles: ReadonlyMap<string, { path: string; contentType: string }>,
): Resource[] {
  return record.photos.map((p) => {
    const file = photoFiles.get(p.id);
    return {
      resourceType: 'Media',
      id: p.id,
      identifier: [{ system: `${SYSTEM}:sha256`, value: p.sha256 }],
      status: p.archived ? 'entered-in-error' : 'completed',
      type: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/media-type', code: 'image' }],
      },
      view: text(`${p.area}, ${p.view}, ${p.phase}`),
      subject: ref(patientId),
      ...(p.sessionId ? { partOf: [ref(p.sessionId)] } : {}),
      createdDateTime: localDay(p.takenAt),
      bodySite: text(p.area),
      width: p.width,
      height: p.height,
      content: {
        contentType: file?.contentType ?? 'application/octet-stream',
        url: file?.path ?? '',
        size: p.byteSize,
        title: `${p.area} ${p.view} ${p.phase} ${localDay(p.takenAt)}`,
      },
    };
  });
}

export interface FhirBundle {
  resourceType: 'Bundle';
  id: string;
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: Resource }[];
}

export function patientRecordBundle(
  record: PatientRecord,
  files: {
    photos: ReadonlyMap<string, { path: string; contentType: string }>;
    documents: ReadonlyMap<string, string>;
  },
  now: Date,
): FhirBundle {
  const patientId = record.patient.id;
  const resources = [
    patientResource(record),
    ...allergyResources(record, patientId),
    ...medicationResources(record, patientId),
    ...procedureResources(record, patientId),
    ...adverseEventResources(record, patientId),
    ...consentResources(record, patientId, files.documents),
    ...mediaResources(record, patientId, files.photos),
  ];
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    type: 'collection',
    timestamp: now.toISOString(),
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}
