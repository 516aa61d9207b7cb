import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdverseEvent } from '../../../shared/api/adverse-events';
import type { ArchivedDocumentInfo } from '../../../shared/api/documents';
import { archivedPath } from '../documents/archive-fixtures';
import type { ChartExportRecordOutput } from '../../../shared/api/chart';
import type { Photo } from '../../../shared/api/photos';
import { fileToken, rawDb } from '../../support/helpers';
import { flat, pdfText } from '../documents/pdf-tools';
import { importFiles } from '../photos/records-fixtures';
import { register } from '../patients/fixtures';
import { signedSession, startTreatmentClinic, today, type Clinic } from '../sessions/fixtures';

let c: Clinic;
beforeEach(async () => {
  c = await startTreatmentClinic();
});
afterEach(async () => {
  await c.app.close();
});

async function photosOf(patientId: string, names: string[]) {
  await c.app.ok('consents.record', {
    patientId,
    kind: 'photos-record',
    decision: 'given',
    note: '',
  });
  await importFiles(c.app, patientId, names);
  return c.app.ok<Photo[]>('photos.list', { patientId });
}

const event = (sessionId: string, patch: Record<string, unknown> = {}) => ({
  sessionId,
  kind: 'bruising',
  severity: 'mild',
  onsetOn: today(c.app),
  description: 'Bruise on the left cheek',
  actionTaken: 'Cold compress',
  ...patch,
});

describe('an adverse event with its areas and photos', () => {
  it('records the treated areas and links the patient’s photos, and reads them back in the chart and the record export', async () => {
    const session = await signedSession(c);
    const photos = await photosOf(c.patientId, ['orientation-8.jpg', 'iphone4s-gps.jpg']);
    const recorded = await c.app.ok<AdverseEvent>(
      'adverseEvents.record',
      event(session.id, { areas: ['cheeks', 'jawline'], photoIds: [photos[0]!.id] }),
    );
    expect(recorded.areas).toEqual(['cheeks', 'jawline']);
    expect(recorded.photoIds).toEqual([photos[0]!.id]);
    const open = await c.app.ok<AdverseEvent[]>('adverseEvents.listOpen', {
      patientId: c.patientId,
    });
    expect(open).toMatchObject([{ id: recorded.id, areas: ['cheeks', 'jawline'] }]);
    expect(open[0]!.photoIds).toEqual([photos[0]!.id]);

    // The session summary's alerts name the areas of the open event, in Şebnem's Turkish.
    const summary = await c.app.ok<ArchivedDocumentInfo>('documents.generateSessionSummary', {
      sessionId: session.id,
    });
    expect(flat(pdfText(archivedPath(c.app, summary)))).toMatch(
      /Süren istenmeyen olay: .* · yanaklar, çene hattı/,
    );

    const out = mkdtempSync(path.join(tmpdir(), 'mesochart-ae-export-'));
    try {
      const exported = await c.app.ok<ChartExportRecordOutput>('chart.exportRecord', {
        patientId: c.patientId,
        folder: fileToken(c.app, 'export-folder', out),
        purpose: 'subject-access',
        recipient: '',
      });
      const text = flat(pdfText(exported.recordPdf));
      expect(text).toContain('Areas: cheeks, jawline');
      expect(text).toMatch(/Photos: photos\/\S+/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('an event recorded without them has none, as events from before did', async () => {
    const session = await signedSession(c);
    const recorded = await c.app.ok<AdverseEvent>('adverseEvents.record', event(session.id));
    expect(recorded).toMatchObject({ areas: [], photoIds: [] });
  });

  it('refuses another patient’s photo or an unknown area next to the field, with nothing written', async () => {
    const session = await signedSession(c);
    const other = await register(c.app, {
      givenName: 'Ayla',
      familyName: 'Demir',
      dateOfBirth: '1990-01-01',
      phone: '+90 532 999 00 11',
      email: 'ayla@example.com',
    });
    const theirs = await photosOf(other.id, ['orientation-8.jpg']);
    const count = () =>
      rawDb(c.app).prepare('SELECT count(*) AS n FROM adverse_event').get() as { n: number };
    const before = count();
    const refused = await c.app.call(
      'adverseEvents.record',
      event(session.id, { photoIds: [theirs[0]!.id] }),
    );
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: { 'photoIds.0': 'This photo is not in this patient’s record' },
      },
    });
    const badArea = await c.app.call(
      'adverseEvents.record',
      event(session.id, { areas: ['elbow'] }),
    );
    expect(badArea).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!badArea.ok) expect(Object.keys(badArea.error.fields ?? {})).toContain('areas.0');
    expect(count()).toEqual(before);
    expect(rawDb(c.app).prepare('SELECT count(*) AS n FROM adverse_event_photo').get()).toEqual({
      n: 0,
    });
  });
});
