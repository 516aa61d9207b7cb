import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportRecordModal } from './ExportRecordModal';

/** The chart's "Export record" action and its dialog. */
export function ExportRecordButton({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        {t('recordExport.action')}
      </Button>
      <ExportRecordModal patientId={patientId} opened={open} onClose={() => setOpen(false)} />
    </>
  );
}
