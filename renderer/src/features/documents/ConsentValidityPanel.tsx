import { Alert, Badge, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ConsentValidity } from '../../../../shared/api/documents';
import { api, unwrap } from '../../lib/api';
import { documentsKeys, formatDocumentDate } from './queries';

const stateColour: Record<ConsentValidity['state'], string> = {
  valid: 'teal',
  'needs-attention': 'orange',
  'awaiting-practitioner': 'yellow',
  none: 'gray',
};

/** Which procedures the patient has consented to, now. */
export function ConsentValidityPanel({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const validity = useQuery({
    queryKey: documentsKeys.validity(patientId),
    queryFn: () => unwrap(api.documents.consentValidity({ patientId })),
  });
  return (
    <Paper withBorder p="md" component="section" aria-label={t('documents.validity.title')}>
      <Title order={3} size="h5">
        {t('documents.validity.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('documents.validity.help')}
      </Text>
      {validity.isError ? (
        <Alert color="red" role="alert">
          {validity.error.message}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
        {(validity.data ?? []).map((v) => (
          <Stack key={v.procedureKind} gap={2} data-testid={`consent-validity-${v.procedureKind}`}>
            <Text size="sm" fw={500}>
              {t(`documents.procedureKinds.${v.procedureKind}`)}
            </Text>
            <Text size="xs" c="dimmed" component="div">
              <Badge color={stateColour[v.state]} variant="light" mr={6}>
                {t(`documents.validity.${v.state}`)}
              </Badge>
              {v.signedAt
                ? t(
                    v.method === 'paper'
                      ? 'documents.validity.signedPaper'
                      : 'documents.validity.signedScreen',
                    {
                      date: formatDocumentDate(v.signedAt),
                    },
                  )
                : null}
            </Text>
            {v.state === 'awaiting-practitioner' ? (
              <Text size="xs" c="dimmed">
                {t('documents.validity.awaitingHelp')}
              </Text>
            ) : null}
            {v.state === 'needs-attention' ? (
              <Text size="xs" c="orange.8">
                {t('documents.validity.attentionHelp')}
              </Text>
            ) : null}
          </Stack>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
