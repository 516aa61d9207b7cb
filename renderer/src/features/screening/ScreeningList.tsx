import { Accordion, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ScreeningStatus } from '../../../../shared/api/screening';
import { CHART_RECENT_SCREENINGS } from '../../../../shared/api/chart';
import { api, unwrap } from '../../lib/api';
import { screeningKeys } from './queries';
import { formatInstant } from '../../lib/dates';
import { severityColour } from './FindingsPanel';
import { findingDir, findingText } from './finding-text';

const statusColour: Record<ScreeningStatus, string> = {
  passed: 'teal',
  overridden: 'red',
  stopped: 'gray',
};

/** The patient's recent pre-procedure checks, for the chart: when, by whom, what was found. */
export function ScreeningList({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: screeningKeys.list(patientId, CHART_RECENT_SCREENINGS),
    queryFn: () => unwrap(api.screening.list({ patientId, limit: CHART_RECENT_SCREENINGS })),
  });
  if (!list.data || list.data.length === 0) return null;
  return (
    <Stack gap="xs" mt="md">
      <Title order={3} size="h4">
        {t('screening.list.title')}
      </Title>
      <Accordion variant="separated" aria-label={t('screening.list.title')}>
        {list.data.map((check) => (
          <Accordion.Item key={check.id} value={check.id}>
            <Accordion.Control>
              <Group gap="xs">
                <Text size="sm">{formatInstant(check.performedAt)}</Text>
                <Text size="sm" c="dimmed">
                  {check.performedByName}
                </Text>
                <Badge color={severityColour[check.outcome]} variant="light">
                  {t(`screening.outcome.${check.outcome}`)}
                </Badge>
                <Badge color={statusColour[check.status]}>
                  {t(`screening.status.${check.status}`)}
                </Badge>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap={4}>
                <Text size="sm">
                  {t('screening.list.plan', {
                    products: check.plannedProducts.map((p) => p.name).join(', ') || '—',
                    areas: check.areas.map((a) => t(`treatmentAreas.${a}`)).join(', ') || '—',
                  })}
                </Text>
                {check.overrideReason ? (
                  <Text size="sm" c="red">
                    {t('screening.list.override', {
                      name: check.overrideByName ?? '',
                      reason: check.overrideReason,
                    })}
                  </Text>
                ) : null}
                {check.findings
                  .filter((f) => f.severity !== 'clear')
                  .map((f, i) => (
                    <Text key={i} size="sm">
                      <Badge size="xs" color={severityColour[f.severity]} mr={6}>
                        {t(`screening.outcome.${f.severity}`)}
                      </Badge>
                      {/* In the screens' language (as recorded where the catalogue cannot word it), isolated
                          so its punctuation stays put in Arabic. */}
                      <bdi dir={findingDir(f)}>{findingText(f)}</bdi>
                    </Text>
                  ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
