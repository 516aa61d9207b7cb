import { personName } from '../../../shared/patients/person-name';
import type { Field } from '../documents/render/pdf/layout';
import type { RecordSection } from '../documents/render/render-record-pdf';
import {
  conditionKeys,
  notAskedQuestions,
  yesNoQuestionNames,
  type HistoryVersion,
} from '../../../shared/api/history';
import { areaNames, type TreatmentArea } from '../../../shared/sessions/treatment-terms';
import { allergyWords } from './record-fhir';
import type { PatientRecord } from './record-gather';
import { sumMl } from '../documents/render/pdf/cocktail-tables';
import { sessionStatusWords } from './record-status-words';

const area = (a: string) => areaNames[a as TreatmentArea] ?? a;
const clip = (s: string, max = 600) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

export function identityFields(record: PatientRecord): Field[][] {
  const p = record.patient;
  return [
    [
      { label: 'Patient', value: personName(p) },
      { label: 'Date of birth', value: p.dateOfBirth },
      { label: 'Clinic number', value: p.clinicNumber },
    ],
    [
      { label: 'Sex', value: p.sex },
      { label: 'Phone', value: p.phone || '—' },
      { label: 'Email', value: p.email || '—' },
    ],
    [
      { label: 'Address', value: p.address || '—' },
      { label: 'Preferred language', value: p.preferredLanguage || '—' },
      {
        label: 'Emergency contact',
        value: [p.emergencyContactName, p.emergencyContactPhone].filter(Boolean).join(', ') || '—',
      },
    ],
  ];
}

const answerWords = { yes: 'yes', no: 'no', 'not-asked': 'not asked' } as const;

function historySection(v: HistoryVersion): RecordSection {
  const a = v.answers;
  const conditions = conditionKeys.filter((k) => a.conditions[k] === 'yes');
  const notAsked = notAskedQuestions(a).map((q) => yesNoQuestionNames[q]);
  const allergies = [
    ...(Object.keys(a.allergies.ticks) as (keyof typeof allergyWords)[])
      .filter((k) => a.allergies.ticks[k] === 'yes')
      .map((k) => allergyWords[k]),
    a.allergies.other.trim(),
  ].filter(Boolean);
  const fields: Field[] = [
    { label: 'Conditions', value: conditions.join(', ') || 'none recorded' },
    ...(a.conditionNotes.trim() ? [{ label: 'Notes', value: clip(a.conditionNotes) }] : []),
    { label: 'Allergies', value: allergies.join('; ') || 'none recorded' },
    // "Not asked" is printed apart: a question nobody asked is not a "no".
    ...(notAsked.length > 0 ? [{ label: 'Not asked', value: notAsked.join(', ') }] : []),
    {
      label: 'Medicines and supplements',
      value:
        a.medicines
          .map((m) => (m.lastDose ? `${m.text} (last dose ${m.lastDose})` : m.text))
          .join('\n') || 'none recorded',
    },
    {
      label: 'Recent surgery',
      value:
        a.surgery.recent === 'yes'
          ? `${a.surgery.date} ${a.surgery.details}`.trim()
          : answerWords[a.surgery.recent],
    },
    {
      label: 'Isotretinoin',
      value:
        a.isotretinoin.taken === 'yes'
          ? `yes, last dose ${a.isotretinoin.lastDate}`
          : answerWords[a.isotretinoin.taken],
    },
    {
      label: 'Previous treatments',
      value:
        a.treatments
          .map((t) => [t.date, t.kind, t.area, t.product].filter(Boolean).join(', '))
          .join('\n') || 'none recorded',
    },
    { label: 'Fitzpatrick / Glogau', value: `${a.fitzpatrick ?? '—'} / ${a.glogau ?? '—'}` },
    { label: 'Smoking / alcohol', value: `${a.smoking ?? '—'} / ${a.alcohol ?? '—'}` },
  ];
  return {
    title: `Medical history, version ${v.version}`,
    note: `Recorded ${v.recordedAt} by ${v.recordedBy} (taken by ${v.takenBy})`,
    fields,
    empty: '',
  };
}

const ml = (v: number | null) => (v === null ? '—' : `${v} ml`);

/** Each syringe as prepared (products, lots, volumes drawn) and how its total was spread. */
function cocktailSection(record: PatientRecord): RecordSection {
  const rows = record.sessions.flatMap((s) =>
    s.cocktails.map((c, i) => [
      // A syringe of an unsigned session must not read as given.
      s.status === 'signed' ? s.performedOn : `${s.performedOn}\n(${s.status})`,
      `Syringe ${i + 1}${c.label ? `: ${c.label}` : ''}\ntotal volume ${ml(c.totalVolumeMl)}`,
      [
        ...c.components.map((p) => `${p.productName} lot ${p.lotNumber} ${ml(p.volumeMl)}`),
        `Total drawn ${ml(sumMl(c.components.map((p) => p.volumeMl)))}`,
      ].join('\n'),
      [
        ...c.areas.map((a) => `${area(a.area)} ${ml(a.volumeMl)}`),
        `Total given ${ml(sumMl(c.areas.map((a) => a.volumeMl)))}`,
      ].join('\n'),
    ]),
  );
  return {
    title: 'Syringes as prepared',
    columns: [
      { header: 'Session', share: 0.12 },
      { header: 'Syringe', share: 0.22 },
      { header: 'Products, lots and volumes drawn', share: 0.36 },
      { header: 'Spread over the areas', share: 0.3 },
    ],
    rows,
    empty: 'No syringes recorded.',
  };
}

/** Every part of the record in plain words, in the order a reader expects. */
export function recordSections(
  record: PatientRecord,
  files: { photos: ReadonlyMap<string, { path: string }>; documents: ReadonlyMap<string, string> },
): RecordSection[] {
  return [
    ...(record.history.length > 0
      ? record.history.map(historySection)
      : [{ title: 'Medical history', empty: 'No medical history was taken.' }]),
    {
      title: 'Pre-procedure checks',
      columns: [
        { header: 'Date', share: 0.14 },
        { header: 'By', share: 0.16 },
        { header: 'Outcome', share: 0.14 },
        { header: 'Findings', share: 0.56 },
      ],
      rows: record.screenings.map((s) => [
        s.performedOn,
        s.performedByName,
        `${s.outcome} (${s.status})`,
        clip(
          [
            ...s.findings.map((f) => `${f.severity}: ${f.explanation}`),
            s.overrideReason && `Overridden by ${s.overrideByName ?? '—'}: ${s.overrideReason}`,
          ]
            .filter(Boolean)
            .join('\n') || 'No findings',
          900,
        ),
      ]),
      empty: 'No checks recorded.',
    },
    {
      title: 'Sessions',
      columns: [
        { header: 'Date', share: 0.11 },
        { header: 'Status', share: 0.17 },
        { header: 'Practitioner', share: 0.13 },
        { header: 'Areas and technique', share: 0.18 },
        { header: 'Products and lots', share: 0.21 },
        { header: 'Notes', share: 0.2 },
      ],
      rows: record.sessions.map((s) => [
        s.performedOn,
        sessionStatusWords(s),
        s.practitionerName,
        [s.areas.map((a) => area(a.area)).join(', '), s.technique].filter(Boolean).join('\n'),
        [
          ...s.products.map(
            (p) =>
              `${p.productName} lot ${p.lotNumber}${p.volumeMl !== null ? ` ${p.volumeMl} ml` : ''}`,
          ),
          ...(s.cocktails.length > 0
            ? [`In ${s.cocktails.length} syringe${s.cocktails.length === 1 ? '' : 's'}`]
            : []),
        ].join('\n'),
        clip(
          [
            s.notes,
            s.immediateReactions && `Reactions: ${s.immediateReactions}`,
            ...s.addenda.map((x) => `Addendum ${x.writtenAt} (${x.authorName}): ${x.text}`),
          ]
            .filter((n) => n && n.trim())
            .join('\n'),
          900,
        ),
      ]),
      empty: 'No sessions recorded.',
    },
    cocktailSection(record),
    {
      title: 'Adverse events',
      columns: [
        { header: 'Onset', share: 0.12 },
        { header: 'Kind', share: 0.14 },
        { header: 'Severity', share: 0.1 },
        { header: 'What happened and action', share: 0.44 },
        { header: 'Resolved', share: 0.2 },
      ],
      rows: record.adverseEvents.map((e) => [
        e.onsetOn,
        e.kind,
        e.severity,
        clip(
          [
            e.description,
            e.actionTaken && `Action: ${e.actionTaken}`,
            e.areas.length > 0 && `Areas: ${e.areas.map(area).join(', ')}`,
            e.photoIds.length > 0 &&
              `Photos: ${e.photoIds.map((id) => files.photos.get(id)?.path ?? 'not in this export').join(', ')}`,
          ]
            .filter(Boolean)
            .join('\n'),
        ),
        e.resolvedOn ? `${e.resolvedOn}${e.outcome ? `: ${e.outcome}` : ''}` : 'open',
      ]),
      empty: 'No adverse events recorded.',
    },
    {
      title: 'Consents',
      columns: [
        { header: 'Recorded', share: 0.22 },
        { header: 'Consent', share: 0.3 },
        { header: 'Decision', share: 0.16 },
        { header: 'Note or file', share: 0.32 },
      ],
      rows: [
        ...record.consentEvents.map((c) => [c.recordedAt, c.kind, c.decision, c.note || '']),
        ...record.documents
          .filter((d) => d.kind === 'consent')
          .map((d) => [
            d.status_changed_at,
            `Consent form: ${d.procedure_kind ?? ''}`,
            d.status,
            files.documents.get(d.id) ?? '',
          ]),
      ],
      empty: 'No consents recorded.',
    },
    {
      title: 'Documents',
      columns: [
        { header: 'Made', share: 0.22 },
        { header: 'Kind', share: 0.26 },
        { header: 'File in this export', share: 0.52 },
      ],
      rows: record.documents.map((d) => [
        d.generated_at,
        d.procedure_kind ? `${d.kind} (${d.procedure_kind})` : d.kind,
        files.documents.get(d.id) ?? 'not included: the archived file failed its check',
      ]),
      empty: 'No documents archived.',
    },
    {
      title: 'Photographs',
      columns: [
        { header: 'Taken', share: 0.18 },
        { header: 'Area, view, phase', share: 0.3 },
        { header: 'Size', share: 0.14 },
        { header: 'File in this export', share: 0.38 },
      ],
      rows: record.photos.map((p) => [
        p.takenAt.replace('T', ' ').slice(0, 16),
        `${p.area}, ${p.view}, ${p.phase}${p.archived ? ' (archived)' : ''}`,
        `${p.width} × ${p.height}`,
        files.photos.get(p.id)?.path ?? 'not included: the file could not be read',
      ]),
      empty: 'No photographs.',
    },
  ];
}
