import { ageOn } from '../../../shared/api/patients';
import { historyAlerts } from '../../../shared/api/history';
import type { PatientAlert } from '../../../shared/api/patients';
import { adverseEventKindSchema } from '../../../shared/api/adverse-events';
import { fillWords, wordingFor } from '../../../shared/documents/wording';
import type { TreatmentArea } from '../../../shared/sessions/treatment-terms';
import { summaryWordingFor, type SummaryWording } from './render/wording/summary-wording';
import { matchMedicineLine } from '../../../shared/screening';
import type { Queryable } from '../store/db';
import { storedAnswers } from '../history/medical-history';
import { findPatientRow } from '../patients/patients';
import type { ScreeningFinding } from '../../../shared/screening/screening-types';
import { findingWords } from './finding-words';

/**
 * What the practitioner had in view on the session screen, for the printed summary: age on the
 * session day and sex (no photo), the alerts of the history in force when the note was signed
 * (allergies, conditions, blood thinners as the drug reference reads them), adverse events still
 * open, and earlier checks that said do not treat.
 */
export async function summaryIdentity(
  db: Queryable,
  patientId: string,
  sessionDay: string,
  signedAt: string | null,
  language = 'en',
): Promise<{ identity: { ageOnSessionDay: number; sex: string }; alerts: string[] }> {
  // Worded in the summary's language; the sex stays English here, the renderer translates it.
  const w = summaryWordingFor(language).alertTexts;
  const words = summaryWordingFor(language);
  const alertText: Record<PatientAlert['kind'], (detail: string | null) => string> = {
    allergy: (d) => fillWords(w.allergy, { detail: d ?? '' }),
    pregnancy: () => w.pregnancy,
    breastfeeding: () => w.breastfeeding,
    coagulation: () => w.coagulation,
    epilepsy: () => w.epilepsy,
  };
  const patient = await findPatientRow(db, patientId);
  let history = db
    .selectFrom('medical_history_version')
    .select(['answers', 'answers_format'])
    .where('patient_id', '=', patientId);
  if (signedAt) history = history.where('recorded_at', '<=', signedAt);
  const latest = await history.orderBy('version', 'desc').limit(1).executeTakeFirst();
  const answers = latest ? storedAnswers(latest.answers, latest.answers_format) : null;
  const alerts = historyAlerts(answers).map((a) => alertText[a.kind](a.detail));
  for (const m of answers?.medicines ?? []) {
    const match = matchMedicineLine(m.text);
    if (match.status !== 'risk') continue;
    const generics = [...new Set(match.matches.map((x) => x.entry.generic))].join(', ');
    alerts.push(fillWords(w.bloodThinner, { line: m.text, generics }));
  }
  const open = await db
    .selectFrom('adverse_event')
    .select(['kind', 'severity', 'onset_on', 'areas'])
    .where('patient_id', '=', patientId)
    .where('resolved_on', 'is', null)
    .orderBy('seq')
    .execute();
  for (const e of open) {
    const kind = adverseEventKindSchema.safeParse(e.kind);
    const severity = e.severity as keyof SummaryWording['eventSeverities'];
    // The areas it concerns follow, in the summary's language.
    const doc = wordingFor(language);
    const areas = (JSON.parse(e.areas) as TreatmentArea[]).map((a) => doc.areas[a] ?? a);
    alerts.push(
      fillWords(w.openEvent, {
        kind: kind.success ? words.eventKinds[kind.data] : e.kind,
        severity: words.eventSeverities[severity] ?? e.severity,
        date: e.onset_on,
      }) + (areas.length > 0 ? ` · ${areas.join(doc.listSeparator)}` : ''),
    );
  }
  const stopped = await db
    .selectFrom('screening')
    .select(['performed_on', 'findings'])
    .where('patient_id', '=', patientId)
    .where('outcome', '=', 'do-not-treat')
    .where('performed_on', '<', sessionDay)
    .orderBy('seq')
    .execute();
  for (const c of stopped) {
    const findings = JSON.parse(c.findings) as ScreeningFinding[];
    const first = findings.find((f) => f.severity === 'do-not-treat');
    alerts.push(
      fillWords(w.stopped, {
        date: c.performed_on,
        finding: first ? findingWords(language)(first) : w.seeTheCheck,
      }),
    );
  }
  return {
    identity: {
      ageOnSessionDay: ageOn(patient.date_of_birth, sessionDay),
      sex:
        summaryWordingFor('en').sexes[patient.sex as keyof SummaryWording['sexes']] ?? patient.sex,
    },
    alerts: alerts.slice(0, 50),
  };
}
