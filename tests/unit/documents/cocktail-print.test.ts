import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileToken } from '../../support/helpers';
import {
  completeDraft,
  startSession,
  startTreatmentClinic,
  type Clinic,
} from '../sessions/fixtures';
import { archivedPath } from './archive-fixtures';
import { flat, pdfText } from './pdf-tools';
import type { ArchivedDocumentInfo } from '../../../shared/api/documents';
import type { ChartExportRecordOutput } from '../../../shared/api/chart';
import type { TreatmentSession } from '../../../shared/api/sessions';

let c: Clinic;
let out: string;
let summary: string;
let record: string;

/**
 * One 5 ml syringe of 3 ml vitamins (lot VA-001) and 2 ml hyaluronic acid (lot HB-100), spread
 * 2.5 + 1.5 + 1 ml over cheeks, forehead and neck; a second 1.2 ml syringe of one product.
 */
beforeAll(async () => {
  c = await startTreatmentClinic();
  out = mkdtempSync(path.join(tmpdir(), 'mesochart-cocktail-print-'));
  const draft = await startSession(c);
  await c.app.ok('sessions.saveDraft', {
    id: draft.id,
    ...completeDraft(c),
    areas: [
      { area: 'cheeks', depthMm: 1.5 },
      { area: 'forehead', depthMm: 1 },
      { area: 'neck', depthMm: 1 },
    ],
    products: [],
    cocktails: [
      {
        label: 'Glow mix',
        totalVolumeMl: 5,
        components: [
          { productId: c.vitamins.id, lotId: c.lots.vitA1.id, volumeMl: 3 },
          { productId: c.ha.id, lotId: c.lots.haB1.id, volumeMl: 2 },
        ],
        areas: [
          { area: 'cheeks', volumeMl: 2.5 },
          { area: 'forehead', volumeMl: 1.5 },
          { area: 'neck', volumeMl: 1 },
        ],
      },
      {
        label: '',
        totalVolumeMl: 1.2,
        components: [{ productId: c.ha.id, lotId: c.lots.haB1.id, volumeMl: 1.2 }],
        areas: [{ area: 'neck', volumeMl: 1.2 }],
      },
    ],
  });
  const signed = await c.app.ok<TreatmentSession>('sessions.sign', { id: draft.id });
  const doc = await c.app.ok<ArchivedDocumentInfo>('documents.generateSessionSummary', {
    sessionId: signed.id,
  });
  summary = archivedPath(c.app, doc);
  const exported = await c.app.ok<ChartExportRecordOutput>('chart.exportRecord', {
    patientId: c.patientId,
    folder: fileToken(c.app, 'export-folder', out),
    purpose: 'subject-access',
    recipient: '',
  });
  record = exported.recordPdf;
  // KEEP_PDFS=<dir> keeps both, to render with pdftoppm and look at.
  if (process.env['KEEP_PDFS']) {
    copyFileSync(summary, `${process.env['KEEP_PDFS']}/cocktail-summary.pdf`);
    copyFileSync(record, `${process.env['KEEP_PDFS']}/cocktail-record.pdf`);
  }
}, 120_000);
afterAll(async () => {
  await c.app.close();
  rmSync(out, { recursive: true, force: true });
});

/** The lines of the page as pdftotext lays them out, each with its spacing collapsed. */
const lines = (file: string) =>
  pdfText(file)
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

describe('a cocktail printed as prepared', () => {
  it('the session summary prints each syringe: products with lots and volumes drawn, the total, and its spread over the areas, with totals that match', () => {
    const text = lines(summary);
    // Şebnem's summary is in Turkish: the syringe and its totals in her language.
    const at = text.findIndex((l) => l.includes('Şırınga 1: Glow mix'));
    expect(at, text.join('\n')).toBeGreaterThan(-1);
    expect(text[at]).toContain('toplam hacim 5 ml');
    const first = text.slice(
      at,
      text.findIndex((l) => l.includes('Şırınga 2')),
    );
    expect(first.find((l) => l.startsWith('NCTF 135 HA'))).toMatch(/VA-001 .* 3 ml$/);
    expect(first.find((l) => l.startsWith('Hydra HA 1%'))).toMatch(/HB-100 .* 2 ml$/);
    expect(first).toContain('Çekilen toplam 5 ml');
    expect(first.find((l) => l.startsWith('yanaklar'))).toMatch(/2,5 ml$/);
    expect(first.find((l) => l.startsWith('boyun'))).toMatch(/1 ml$/);
    expect(first).toContain('Uygulanan toplam 5 ml');
    const second = text.slice(text.findIndex((l) => l.includes('Şırınga 2')));
    expect(second[0]).toContain('toplam hacim 1,2 ml');
    expect(second).toContain('Çekilen toplam 1,2 ml');
    expect(second).toContain('Uygulanan toplam 1,2 ml');
  });

  it('the record export prints the same syringes with the same totals', () => {
    const text = flat(pdfText(record));
    expect(text).toContain('Syringes as prepared');
    // The sessions table points to them rather than leaving the products empty.
    expect(text).toContain('In 2 syringes');
    for (const phrase of [
      'Syringe 1: Glow mix',
      'total volume 5 ml',
      'NCTF 135 HA lot VA-001 3 ml',
      'Hydra HA 1% lot HB-100 2 ml',
      'Total drawn 5 ml',
      'cheeks 2.5 ml',
      'forehead 1.5 ml',
      'neck 1 ml',
      'Total given 5 ml',
      'Syringe 2',
      'total volume 1.2 ml',
      'Total drawn 1.2 ml',
      'Total given 1.2 ml',
    ]) {
      expect(text).toContain(phrase);
    }
  });

  it('prints pages pdftoppm renders', () => {
    const png = path.join(out, 'summary');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', summary, png]);
  });
});
