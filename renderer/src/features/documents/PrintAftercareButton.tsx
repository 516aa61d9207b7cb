import { Alert, Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useSessionDocument } from './use-session-documents';

/** The signed session's shortcut: makes the aftercare sheet, archives it and opens it to print. */
export function PrintAftercareButton({
  patientId,
  sessionId,
}: {
  patientId: string;
  sessionId: string;
}) {
  const { t } = useTranslation();
  const make = useSessionDocument(patientId);
  return (
    <Stack gap="xs">
      <Group>
        <Button
          variant="light"
          loading={make.isPending}
          onClick={() =>
            make.mutate(
              { kind: 'aftercare', sessionId, open: true },
              { onSuccess: () => notifications.show({ message: t('documents.aftercare.opened') }) },
            )
          }
        >
          {t('documents.aftercare.print')}
        </Button>
      </Group>
      {make.isError ? (
        <Alert color="red" role="alert">
          {make.error.message}
        </Alert>
      ) : null}
    </Stack>
  );
}
