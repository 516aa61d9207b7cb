import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, fileToken, startClinic, type TestApp } from '../../support/helpers';
import { register } from '../patients/fixtures';

let app: TestApp;
let out: string;
beforeEach(async () => {
  app = await startClinic();
  out = mkdtempSync(path.join(os.tmpdir(), 'mesochart-audit-pdf-'));
});
afterEach(async () => {
  await app.close();
  rmSync(out, { recursive: true, force: true });
});

const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

type Exported = { path: string; rows: number; pageCount: number };

describe('the audit log as a PDF for an inspection', () => {
  it('opens with the chain check, then lists who did what to which patient', async () => {
    const patient = await register(app);
    await app.ok('chart.open', { patientId: patient.id });
    const target = path.join(out, 'audit.pdf');
    const result = await app.ok<Exported>('audit.exportPdf', {
      target: fileToken(app, 'save-pdf', target),
      patient: 'sebnem',
      locale: 'en-GB',
      timeZone: 'Europe/Istanbul',
    });
    expect(result).toMatchObject({ rows: 2, pageCount: 1 });
    const text = pdfText(target);
    const verified = text.indexOf('Audit chain verified: intact');
    expect(verified).toBeGreaterThan(-1);
    expect(verified).toBeLessThan(text.indexOf('When'));
    expect(text).toContain(`Extract printed`);
    expect(text).toContain(ADMIN.displayName);
    expect(text).toContain('Patient: "sebnem"');
    expect(text).toContain('Registered a patient');
    expect(text).toContain('Opened a chart');
    expect(text).toMatch(/Opened a chart\s+Şebnem Yılmaz\s+Done/);
    expect(text).toContain(patient.clinicNumber);
    expect(text).not.toContain('chart.open');
  });

  it('says plainly when the chain is broken', async () => {
    await app.ok('clinic.updateSettings', { idleLockMinutes: 15 });
    await app.services.state.auditQueue.flush();
    const db = app.services.state.store.sqlite;
    db.exec('DROP TRIGGER audit_event_no_update;');
    db.prepare("UPDATE audit_event SET outcome = 'failed' WHERE seq = 1").run();
    const target = path.join(out, 'broken.pdf');
    await app.ok<Exported>('audit.exportPdf', { target: fileToken(app, 'save-pdf', target) });
    const text = pdfText(target);
    expect(text).toContain('Audit chain verification FAILED');
    expect(text).toMatch(/first broken link is at event 1/);
  });

  it('refuses a path inside the data folder and writes nothing', async () => {
    const inside = path.join(app.dataDir, 'audit.pdf');
    const result = await app.call('audit.exportPdf', {
      target: fileToken(app, 'save-pdf', inside),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(existsSync(inside)).toBe(false);
    // A path typed in place of the dialog's token is refused by the contract.
    for (const typed of ['audit.pdf', path.join(out, 'audit.pdf')]) {
      expect(await app.call('audit.exportPdf', { target: typed })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { target: expect.any(String) } },
      });
    }
    expect(readdirSync(out)).toEqual([]);
  });

  it('is for admins only', async () => {
    await app.ok('staff.create', {
      username: 'nurse',
      displayName: 'Nurse Ayla',
      role: 'practitioner',
      password: 'practitioner 123',
    });
    await app.ok('auth.signIn', { username: 'nurse', password: 'practitioner 123' });
    const result = await app.call('audit.exportPdf', {
      target: fileToken(app, 'save-pdf', path.join(out, 'a.pdf')),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await app.call('audit.exportCsv', {})).toMatchObject({ ok: false });
    expect(readdirSync(out)).toEqual([]);
  });
});
