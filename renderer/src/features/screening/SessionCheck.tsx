import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api';
import { screeningKeys } from './queries';
import { formatInstant } from '../../lib/dates';
import { isolated } from '../../lib/ui-language';
import { severityColour } from './FindingsPanel';
import { findingDir, findingText } from './finding-text';

/**
 * The pre-procedure check a session was started from, shown on the session record: its outcome,
 * the findings that were acknowledged, and any override with who made it and why.
 */
export function SessionCheck({
  patientId,
  screeningId,
}: {
  patientId: string;
  screeningId: string;
}) {
  const { t } = useTranslation();
  const { data: check } = useQuery({
    queryKey: screeningKeys.one(patientId, screeningId),
    queryFn: () => unwrap(api.screening.get({ patientId, id: screeningId })),
  });
  if (!check) return null;
  const flagged = check.findings.filter((f) => f.severity !== 'clear');
  return (
    <Paper withBorder p="md" component="section" aria-label={t('screening.session.title')}>
      <Stack gap={6}>
        <Group gap="xs">
          <Title order={3} size="h5">
            {t('screening.session.title')}
          </Title>
          <Badge color={severityColour[check.outcome]} variant="light">
            {t(`screening.outcome.${check.outcome}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('screening.session.by', {
              name: isolated(check.performedByName),
              at: isolated(formatInstant(check.performedAt)),
            })}
          </Text>
        </Group>
        {check.overrideReason ? (
          <Text size="sm" c="red" fw={600}>
            {t('screening.list.override', {
              name: check.overrideByName ?? '',
              reason: check.overrideReason,
            })}
          </Text>
        ) : null}
        {flagged.map((f, i) => (
          <Text key={i} size="sm">
            <Badge size="xs" color={severityColour[f.severity]} mr={6}>
              {t(`screening.outcome.${f.severity}`)}
            </Badge>
            {/* English from the rules for now: isolated, its punctuation stays put in Arabic. */}
            <bdi dir={findingDir(f)}>{findingText(f)}</bdi>
          </Text>
        ))}
        {flagged.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('screening.session.nothingFound')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
