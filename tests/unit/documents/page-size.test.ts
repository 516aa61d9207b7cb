import { describe, expect, it } from 'vitest';
import { renderAftercarePdf } from '../../../electron/services/documents/render/render-aftercare-pdf';
import { renderConsentPdf } from '../../../electron/services/documents/render/render-consent-pdf';
import { renderSessionSummaryPdf } from '../../../electron/services/documents/render/render-session-summary-pdf';
import { aftercareData, consentData, meta, summaryData } from './fixtures';
import { pdfInfo } from './pdf-tools';
import { useTempDir } from './temp-dir';

const temp = useTempDir('page-size');

const expected = {
  A4: '595.28 x 841.89 pts (A4)',
  LETTER: '612 x 792 pts (letter)',
} as const;

describe('page sizes', () => {
  it.each(['A4', 'LETTER'] as const)('prints every document on %s', async (pageSize) => {
    const withSize = { ...meta, pageSize };
    const documents = [
      await renderConsentPdf({ ...consentData(), meta: withSize }),
      await renderAftercarePdf({ ...aftercareData(), meta: withSize }),
      await renderSessionSummaryPdf({ ...summaryData(), meta: withSize }),
    ];
    documents.forEach((doc, i) => {
      const info = pdfInfo(temp.save(`${pageSize}-${i}.pdf`, doc.bytes));
      expect(info['Page size']).toBe(expected[pageSize]);
    });
  });
});
