import {
  Alert,
  Button,
  Group,
  Modal,
  Progress,
  Radio,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordExportPurposes, type ChartExportRecordOutput } from '../../../../shared/api/chart';
import { ApiFailure, api, unwrap } from '../../lib/api';
import { host } from '../../lib/host';

type Purpose = (typeof recordExportPurposes)[number];

/**
 * A patient's whole record for the patient (subject access) or another clinic (transfer): the
 * user names the purpose and recipient, chooses a folder in the system's dialog, and sees what
 * was written. The main process writes it; the renderer never names a path of its own.
 */
export function ExportRecordModal({
  patientId,
  opened,
  onClose,
}: {
  patientId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [purpose, setPurpose] = useState<Purpose>('subject-access');
  const [recipient, setRecipient] = useState('');
  const exportRecord = useMutation({
    mutationFn: (folder: string) =>
      unwrap(api.chart.exportRecord({ patientId, folder, purpose, recipient })),
  });
  const start = async () => {
    const folder = await host.pickFolder('export-folder');
    if (folder) exportRecord.mutate(folder.token);
  };
  const close = () => {
    if (exportRecord.isPending) return;
    exportRecord.reset();
    onClose();
  };
  const done: ChartExportRecordOutput | undefined = exportRecord.data;
  const error = exportRecord.error;
  const fieldError = error instanceof ApiFailure ? (error.field('folder') ?? null) : null;

  return (
    <Modal opened={opened} onClose={close} title={t('recordExport.title')} size="lg">
      <Stack gap="sm">
        <Text size="sm">{t('recordExport.help')}</Text>
        <Radio.Group
          label={t('recordExport.purpose')}
          value={purpose}
          onChange={(v) => setPurpose(v as Purpose)}
        >
          <Stack gap={6} mt={6}>
            {recordExportPurposes.map((p) => (
              <Radio
                key={p}
                value={p}
                label={t(`recordExport.purposes.${p}`)}
                disabled={exportRecord.isPending}
              />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput
          label={t('recordExport.recipient')}
          description={t('recordExport.recipientHelp')}
          value={recipient}
          onChange={(e) => setRecipient(e.currentTarget.value)}
          maxLength={200}
          disabled={exportRecord.isPending}
        />
        {exportRecord.isPending ? (
          <Stack gap={4} role="status" aria-live="polite">
            <Text size="sm">{t('recordExport.running')}</Text>
            <Progress value={100} animated striped aria-label={t('recordExport.running')} />
          </Stack>
        ) : null}
        {done ? (
          <Alert color="green" role="status" title={t('recordExport.doneTitle')}>
            <Stack gap={4}>
              <Text size="sm" data-testid="record-export-result">
                {t('recordExport.done', {
                  photos: done.photos,
                  documents: done.documents,
                  resources: done.fhirResources,
                })}
              </Text>
              <Text
                size="sm"
                style={{ overflowWrap: 'anywhere' }}
                data-testid="record-export-folder"
              >
                {done.folder}
              </Text>
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => void host.openPath(done.recordPdf)}
                >
                  {t('recordExport.openPdf')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}
        {error ? (
          <Alert color="red" role="alert">
            {fieldError ?? error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={exportRecord.isPending}>
            {done ? t('recordExport.close') : t('common.cancel')}
          </Button>
          <Button onClick={() => void start()} loading={exportRecord.isPending}>
            {t('recordExport.chooseAndExport')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
