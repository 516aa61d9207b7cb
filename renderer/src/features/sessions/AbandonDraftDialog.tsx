import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Abandoning keeps the draft in the record (clinical records are never deleted), so the dialog
 * asks why: the chart shows the reason beside the abandoned draft.
 */
export function AbandonDraftDialog({
  opened,
  onClose,
  onAbandon,
}: {
  opened: boolean;
  onClose: () => void;
  onAbandon: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    setBusy(true);
    try {
      await onAbandon(reason.trim());
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('sessions.abandonTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Text>{t('sessions.abandonBody')}</Text>
        <Textarea
          label={t('sessions.abandonReason')}
          required
          data-autofocus
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t('sessions.abandonReasonMissing') : undefined}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('sessions.keepDraft')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()}>
            {t('sessions.abandonConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
