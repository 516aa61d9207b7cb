import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TemplateVersionInfo } from '../../../../shared/api/documents';
import { api, unwrap } from '../../lib/api';
import { documentsKeys, formatDocumentDate } from './queries';

/**
 * A built-in translation of clinical text is marked for the clinic's review until an admin has
 * read it and confirms it; the service refuses a confirmation of anything but the latest version.
 */
export function TemplateReviewNotice({ info }: { info: TemplateVersionInfo }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const confirm = useMutation({
    mutationFn: () =>
      unwrap(
        api.documents.confirmTemplateTranslation({
          kind: info.kind,
          procedureKind: info.procedureKind,
          language: info.language,
          version: info.version,
        }),
      ),
    onSuccess: async () => {
      notifications.show({ message: t('templateReview.done'), color: 'teal' });
      await client.invalidateQueries({ queryKey: documentsKeys.templates });
    },
  });
  const { review } = info;
  if (review.state === 'not-needed') return null;
  if (review.state === 'confirmed') {
    return (
      <Text size="sm" c="dimmed" data-testid="template-review">
        {t('templateReview.confirmed', {
          name: review.confirmedByName ?? '',
          date: review.confirmedAt ? formatDocumentDate(review.confirmedAt) : '',
        })}
      </Text>
    );
  }
  return (
    <Alert
      color="yellow"
      // Dark text on the light yellow: the alert's own yellow title is too faint to read.
      title={
        <Text span fw={700} c="dark.8">
          {t('templateReview.pending')}
        </Text>
      }
      data-testid="template-review"
      role="status"
    >
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Text size="sm" maw={560}>
          {t('templateReview.pendingHelp')}
        </Text>
        <Button size="xs" onClick={() => confirm.mutate()} loading={confirm.isPending}>
          {t('templateReview.confirm')}
        </Button>
      </Group>
      {confirm.isError ? (
        <Text size="sm" c="red" role="alert" mt="xs">
          {confirm.error.message}
        </Text>
      ) : null}
    </Alert>
  );
}
