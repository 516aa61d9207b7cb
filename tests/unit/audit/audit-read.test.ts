import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, startClinic, type TestApp } from '../../support/helpers';
import { register } from '../patients/fixtures';
import type { AuditEvent } from '../../../shared/api/audit';
import { operationNames } from '../../../shared/api/contract';
import {
  cataloguedOperations,
  operationWords,
} from '../../../electron/services/audit/operation-words';
import { auditCsv } from '../../../electron/services/audit/audit-export';
import { csvCell } from '../../../electron/services/core/csv';

let app: TestApp;
beforeEach(async () => {
  app = await startClinic();
});
afterEach(() => app.close());

type List = { events: AuditEvent[]; nextBefore: number | null };

describe('the audit log as a manager reads it', () => {
  it('names who, what in plain words, and the patient by name and clinic number', async () => {
    const patient = await register(app);
    await app.ok('chart.open', { patientId: patient.id });
    const { events } = await app.ok<List>('audit.list', { limit: 10 });
    const opened = events.find((e) => e.operation === 'chart.open');
    expect(opened).toMatchObject({
      displayName: ADMIN.displayName,
      patientName: 'Şebnem Yılmaz',
      clinicNumber: patient.clinicNumber,
      outcome: 'success',
    });
    expect(operationWords('chart.open')).toBe('Opened a chart');
    expect(operationWords('sessions.sign')).toBe('Signed a session');
  });

  it('filters by a patient name typed without accents, or by clinic number', async () => {
    const sebnem = await register(app);
    const zoe = await register(app, {
      givenName: 'Zoé',
      familyName: 'Martin',
      phone: '+33 6 12 34 56 78',
      email: 'zoe@example.com',
    });
    await app.ok('chart.open', { patientId: sebnem.id });
    await app.ok('chart.open', { patientId: zoe.id });

    const byName = await app.ok<List>('audit.list', { patient: 'yilmaz', limit: 50 });
    expect(byName.events.length).toBeGreaterThanOrEqual(2);
    expect(new Set(byName.events.map((e) => e.patientName))).toEqual(new Set(['Şebnem Yılmaz']));

    const byNumber = await app.ok<List>('audit.list', { patient: zoe.clinicNumber, limit: 50 });
    expect(byNumber.events.map((e) => e.operation).sort()).toEqual([
      'chart.open',
      'patients.create',
    ]);
    expect(byNumber.events.every((e) => e.clinicNumber === zoe.clinicNumber)).toBe(true);

    const nobody = await app.ok<List>('audit.list', { patient: 'nobody-here', limit: 50 });
    expect(nobody.events).toEqual([]);
  });

  it('has plain words for every operation of the contract, and none for operations that are gone', () => {
    const catalogued = cataloguedOperations();
    expect(operationNames.filter((n) => !catalogued.includes(n))).toEqual([]);
    expect(catalogued.filter((n) => !(operationNames as string[]).includes(n))).toEqual([]);
    for (const name of operationNames) expect(operationWords(name)).not.toContain(name);
  });
});

describe('the CSV export', () => {
  it('keeps a spreadsheet from running a cell as a formula (OWASP)', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${lead}1+1`)).toBe(`"'${lead}1+1"`);
    }
    expect(csvCell('Yılmaz, Şebnem')).toBe('"Yılmaz, Şebnem"');
    expect(csvCell(12)).toBe('"12"');
  });

  it('exports the filtered events in plain words, a hostile name made harmless', async () => {
    const patient = await register(app, { givenName: '=cmd|calc', familyName: '@Evil' });
    await app.ok('chart.open', { patientId: patient.id });
    const file = await app.ok<{ fileName: string; csv: string; rows: number }>('audit.exportCsv', {
      patient: patient.clinicNumber,
    });
    expect(file.fileName).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.rows).toBe(2);
    const lines = file.csv.trimEnd().split('\r\n');
    expect(lines[0]).toContain('"Who","Username","What"');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain(`"${ADMIN.displayName}"`);
    expect(lines[2]).toContain('"Opened a chart"');
    expect(lines[2]).toContain(`"'=cmd|calc @Evil"`);
    expect(lines[2]).toContain(`"${patient.clinicNumber}"`);
  });

  it('matches the list it was filtered like', () => {
    const event: AuditEvent = {
      seq: 1,
      at: '2026-01-02T10:00:00.000Z',
      userId: null,
      username: null,
      displayName: null,
      role: null,
      operation: 'no.suchOperation',
      action: 'execute',
      patientId: null,
      patientName: null,
      clinicNumber: null,
      objectType: null,
      objectId: null,
      outcome: 'denied',
      errorCode: 'FORBIDDEN',
    };
    // An operation no longer in the catalogue still shows under its own name.
    expect(auditCsv([event])).toContain('"no.suchOperation","execute"');
  });
});
