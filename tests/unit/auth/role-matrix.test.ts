import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationNames, operations, type OperationName } from '../../../shared/api/contract';
import { roleMayCall, roles, type Role } from '../../../shared/api/roles';
import type { ChartOpen } from '../../../shared/api/chart';
import { ADMIN, snapshot, startClinic, type TestApp } from '../../support/helpers';
import { answers, register } from '../patients/fixtures';
import { PRACTITIONER, signInAs } from '../sessions/fixtures';

/** Reachable before anyone signs in. */
const PUBLIC = 'public';
const Y = true;
const n = false;
type Row = typeof PUBLIC | readonly [reception: boolean, practitioner: boolean, admin: boolean];

/**
 * The clinic's role matrix, written out by hand: every operation and who may call it. Front
 * desk: register, contact details, intake, consents as a witness, appointments, documents to
 * hand out; no session notes, adverse events, photos or screening details. Practitioners treat.
 * The admin administers and may read the record, but writes nothing clinical. An operation added
 * to the contract without a row here fails the first test: decide, then add the row.
 */
// prettier-ignore
const matrix: Record<string, Row> = {
  //                                   reception practitioner admin
  'auth.state':                        PUBLIC,
  'auth.setup':                        PUBLIC,
  'auth.signIn':                       PUBLIC,
  'auth.signOut':                      PUBLIC,
  'auth.lock':                         [Y, Y, Y],
  'auth.unlock':                       PUBLIC,
  'auth.heartbeat':                    [Y, Y, Y],
  'auth.takeDrafts':                   [Y, Y, Y],
  'auth.handTablet':                   [Y, Y, n], // those who take the intake
  'auth.resumeStaff':                  PUBLIC,    // the staff session is locked behind the tablet
  'staff.list':                        [n, n, Y],
  'staff.create':                      [n, n, Y],
  'staff.update':                      [n, n, Y],
  'staff.resetPassword':               [n, n, Y],
  'staff.changeOwnPassword':           [Y, Y, Y],
  'staff.ownProfile':                  [Y, Y, Y],
  'staff.updateOwnProfile':            [Y, Y, Y],
  'staff.setOwnLanguage':              [Y, Y, Y],
  'clinic.settings':                   [Y, Y, Y],
  'clinic.updateSettings':             [n, n, Y],
  'clinic.firstSteps':                 [n, n, Y],
  'clinic.dismissFirstSteps':          [n, n, Y],
  'clinic.checkServer':                [n, n, Y],
  'clinic.moveToServer':               [n, n, Y],
  'clinic.moveJob':                    [n, n, Y],
  'audit.list':                        [n, n, Y],
  'audit.exportCsv':                   [n, n, Y],
  'audit.exportPdf':                   [n, n, Y],
  'audit.verify':                      [n, n, Y],
  'patients.search':                   [Y, Y, Y],
  'patients.duplicates':               [Y, Y, Y],
  'patients.create':                   [Y, Y, Y],
  'patients.get':                      [Y, Y, Y], // the alert strip, not the history behind it
  'patients.update':                   [Y, Y, Y],
  'patients.archive':                  [Y, n, Y],
  'patients.changes':                  [Y, Y, Y],
  'patients.settings':                 [Y, Y, Y],
  'patients.updateSettings':           [n, n, Y],
  'history.get':                       [n, Y, Y],
  'history.version':                   [n, Y, Y],
  'history.submit':                    [Y, Y, n],
  'consents.list':                     [Y, Y, Y],
  'consents.record':                   [Y, Y, n],
  'screening.settings':                [Y, Y, Y],
  'screening.updateSettings':          [n, n, Y],
  'screening.prefill':                 [n, Y, Y],
  'screening.preview':                 [n, Y, Y],
  'screening.complete':                [n, Y, n],
  'screening.list':                    [n, Y, Y],
  'screening.get':                     [n, Y, Y],
  'products.list':                     [Y, Y, Y],
  'products.create':                   [n, n, Y],
  'products.update':                   [n, n, Y],
  'products.addLot':                   [n, n, Y],
  'courses.list':                      [n, Y, Y],
  'courses.create':                    [n, Y, n],
  'courses.setStatus':                 [n, Y, n],
  'courses.recordFollowUp':            [n, Y, n],
  'sessions.list':                     [n, Y, Y],
  'sessions.get':                      [n, Y, Y],
  'sessions.start':                    [n, Y, n],
  'sessions.saveDraft':                [n, Y, n],
  'sessions.sign':                     [n, Y, n],
  'sessions.abandon':                  [n, Y, n],
  'sessions.addAddendum':              [n, Y, n],
  'adverseEvents.record':              [n, Y, n],
  'adverseEvents.resolve':             [n, Y, n],
  'adverseEvents.listOpen':            [n, Y, Y],
  'recall.due':                        [Y, Y, Y],
  'recall.search':                     [n, Y, Y],
  'recall.export':                     [n, Y, Y],
  'chart.open':                        [Y, Y, Y], // clinical parts null for reception
  'chart.timeline':                    [n, Y, Y],
  'chart.exportRecord':                [n, Y, Y], // a disclosure of the whole record
  'photos.startImport':                [n, Y, n],
  'photos.importCapture':              [n, Y, n],
  'photos.importStatus':               [n, Y, n],
  'photos.cancelImport':               [n, Y, n],
  'photos.list':                       [n, Y, Y],
  'photos.image':                      [n, Y, Y],
  'photos.update':                     [n, Y, n],
  'photos.archive':                    [n, Y, n],
  'photos.changes':                    [n, Y, Y],
  'photos.confirmDate':                [n, Y, n],
  'photos.alignment':                  [n, Y, Y],
  'photos.saveAlignment':              [n, Y, Y],
  'photos.dateSettings':               [Y, Y, Y],
  'photos.updateDateSettings':         [n, n, Y],
  'photos.saveComparisonImage':        [n, Y, Y],
  'photos.exportComparisonPdf':        [n, Y, n],
  'documents.templates':               [Y, Y, Y],
  'documents.template':                [Y, Y, Y],
  'documents.templateHistory':         [Y, Y, Y],
  'documents.saveTemplate':            [n, n, Y],
  'documents.confirmTemplateTranslation': [n, n, Y],
  'documents.settings':                [Y, Y, Y],
  'documents.updateSettings':          [n, n, Y],
  'documents.practitioners':           [Y, Y, Y],
  'documents.list':                    [Y, Y, Y], // summaries and comparisons left out for reception
  'documents.get':                     [Y, Y, Y],
  'documents.consentText':             [Y, Y, Y],
  'documents.consentValidity':         [Y, Y, Y],
  'documents.generateConsent':         [Y, Y, n],
  'documents.signConsent':             [Y, Y, n],
  'documents.signConsentAsPatient':    [Y, Y, n], // the patient's part, on the tablet
  'documents.confirmPaperSignature':   [Y, Y, n],
  'documents.withdrawConsent':         [Y, Y, n],
  'documents.generateAftercare':       [Y, Y, n],
  'documents.generateSessionSummary':  [n, Y, n],
  'documents.open':                    [Y, Y, Y],
  'documents.saveCopy':                [Y, Y, Y],
  'appointments.settings':             [Y, Y, Y],
  'appointments.updateSettings':       [n, n, Y],
  'appointments.practitioners':        [Y, Y, Y],
  'appointments.list':                 [Y, Y, Y],
  'appointments.book':                 [Y, Y, Y],
  'appointments.move':                 [Y, Y, Y],
  'appointments.setStatus':            [Y, Y, Y],
  'appointments.today':                [Y, Y, Y],
  'appointments.proposeCourse':        [Y, Y, Y],
  'appointments.bookCourse':           [Y, Y, Y],
  'reminders.settings':               [n, n, Y],
  'reminders.updateSettings':         [n, n, Y],
  'reminders.log':                    [Y, Y, Y],
  'reminders.sendNow':                [Y, Y, Y],
  'reminders.retry':                  [Y, Y, Y],
  'reminders.recall':                 [Y, Y, Y],
  'reminders.exportSms':              [Y, Y, Y],
  'backup.status':                     [n, n, Y],
  'backup.updateSettings':             [n, n, Y],
  'backup.run':                        [n, n, Y],
  'backup.job':                        [n, n, Y],
  // Open on a new computer's setup screen; once a clinic exists the service allows the admin only.
  'backup.restore':                    PUBLIC,
  'backup.restoreJob':                 PUBLIC,
  // Before the clinic's keys are open nobody is signed in: the launcher answers these itself.
  'keys.status':                       PUBLIC,
  'keys.create':                       PUBLIC,
  'keys.unlock':                       PUBLIC,
  'keys.recover':                      PUBLIC,
  // First run only, before the clinic is set up here (the launcher refuses them afterwards).
  'keys.checkServer':                  PUBLIC,
  'keys.connectServer':                PUBLIC,
  // While the clinic server cannot be opened at start-up (nobody can sign in without it).
  'keys.retryServer':                  PUBLIC,
  // The recovery key is shown only while pending: before setup, or to the admin who made it.
  'keys.recoveryKey':                  PUBLIC,
  'keys.saveRecoverySheet':            PUBLIC,
  'keys.confirmRecoveryKey':           PUBLIC,
  'keys.newRecoveryKey':               [n, n, Y],
  'audit.lastCheck':                   [n, n, Y],
};

function expected(name: OperationName, role: Role): boolean {
  const row = matrix[name];
  if (row === undefined) throw new Error(`${name} has no row in the matrix`);
  if (row === PUBLIC) return true;
  return row[roles.indexOf(role)] ?? false;
}

const RECEPTIONIST = {
  username: 'leyla.desk',
  displayName: 'Leyla Kaya',
  role: 'receptionist',
  password: 'reception pass phrase',
};
const credentials: Record<Role, { username: string; password: string }> = {
  receptionist: RECEPTIONIST,
  practitioner: PRACTITIONER,
  admin: ADMIN,
};

/** Every row of every table but the audit log's, which records the refusals themselves. */
function withoutAudit(app: TestApp): string {
  const tables = JSON.parse(snapshot(app)) as [string, unknown[]][];
  return JSON.stringify(tables.filter(([name]) => !name.startsWith('audit_')));
}

function deniedEvents(app: TestApp, username: string): string[] {
  const rows = app.services.state.store.sqlite
    .prepare(
      `SELECT operation FROM audit_event WHERE outcome = 'denied' AND username = ? ORDER BY seq`,
    )
    .all(username) as { operation: string }[];
  return rows.map((r) => r.operation);
}

describe('the role matrix', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startClinic();
    await app.ok('staff.create', PRACTITIONER);
    await app.ok('staff.create', RECEPTIONIST);
    await register(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('has a decision for every operation of the contract', () => {
    const undecided = operationNames.filter((name) => !(name in matrix));
    expect(undecided).toEqual([]);
  });

  it("is what each operation's access in the contract says", () => {
    const differs: string[] = [];
    for (const name of operationNames) {
      if (!(name in matrix)) continue;
      const def = operations[name];
      if ((matrix[name] === PUBLIC) !== (def.access === 'public')) differs.push(`${name} public`);
      for (const role of roles) {
        if (roleMayCall(def.access, role) !== expected(name, role)) differs.push(`${name} ${role}`);
      }
    }
    expect(differs).toEqual([]);
  });

  it.each(roles)(
    'lets the %s call through the wrapper exactly what the matrix allows, and a refusal writes nothing',
    async (role) => {
      const { username, password } = credentials[role];
      await signInAs(app, username, password);
      const before = withoutAudit(app);
      const answered: string[] = [];
      const wanted: string[] = [];
      const refusedAudited: string[] = [];
      for (const name of operationNames) {
        if (!(name in matrix)) continue;
        // Input no operation accepts: an allowed call stops at validation, after the role check,
        // so nothing runs; a refused one stops at the role check.
        const result = await app.call(name, 'probe');
        const code = result.ok ? 'OK' : result.error.code;
        answered.push(`${name}: ${code}`);
        const allowed = expected(name, role);
        wanted.push(`${name}: ${allowed ? 'VALIDATION' : 'FORBIDDEN'}`);
        if (!allowed && operations[name].audit) refusedAudited.push(name);
      }
      expect(answered).toEqual(wanted);
      expect(withoutAudit(app)).toBe(before);
      expect(deniedEvents(app, username)).toEqual(refusedAudited);
    },
  );

  it('asks for a sign-in before anything but the public operations', async () => {
    await app.ok('auth.signOut');
    const answered = operationNames
      .filter((name) => name in matrix)
      .map(async (name) => {
        const result = await app.call(name, 'probe');
        return `${name}: ${result.ok ? 'OK' : result.error.code}`;
      });
    const wanted = operationNames
      .filter((name) => name in matrix)
      .map((name) => `${name}: ${matrix[name] === PUBLIC ? 'VALIDATION' : 'UNAUTHENTICATED'}`);
    expect(await Promise.all(answered)).toEqual(wanted);
  });
});

describe("the front desk's chart", () => {
  it('shows the alerts and consents, not the history, adverse events or checks behind them', async () => {
    const app = await startClinic();
    try {
      await app.ok('staff.create', RECEPTIONIST);
      const patient = await register(app);
      await signInAs(app, RECEPTIONIST.username, RECEPTIONIST.password);
      // The intake is taken at the desk; what it says reaches reception only as alerts.
      await app.ok('history.submit', {
        patientId: patient.id,
        answers: answers((a) => {
          a.allergies.ticks.localAnaesthetics = 'yes';
          a.medicines.push({ text: 'Eliquis 5 mg twice daily', lastDose: '2024-05-01' });
          a.medicines.push({ text: 'Vitamin D 1000 IU', lastDose: '' });
        }),
        takenBy: 'staff',
      });
      const opened = await app.ok<ChartOpen>('chart.open', { patientId: patient.id });
      expect(opened.chart.alerts.length).toBeGreaterThan(0);
      expect(opened.chart.historyVersion).toBe(1);
      // The blood thinner reaches the strip as typed; the other medicine stays in the history.
      expect(opened.chart.riskMedicines).toEqual(['Eliquis 5 mg twice daily']);
      expect(opened.history).toBeNull();
      expect(opened.openAdverseEvents).toBeNull();
      expect(opened.recentScreenings).toBeNull();
      expect(opened.consents).toEqual(await app.ok('consents.list', { patientId: patient.id }));
      const history = await app.call('history.get', { patientId: patient.id });
      expect(history.ok ? 'OK' : history.error.code).toBe('FORBIDDEN');
    } finally {
      await app.close();
    }
  });
});
