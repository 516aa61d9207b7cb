import { Alert, Badge, Checkbox, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { findingKeys, type ScreeningPreview } from '../../../../shared/api/screening';
import type { Severity } from '../../../../shared/screening';
import { findingDir, findingText, isTranslatedFinding, patientMessageText } from './finding-text';

export const severityColour: Record<Severity, string> = {
  'do-not-treat': 'red',
  caution: 'orange',
  clear: 'teal',
};

const order: Severity[] = ['do-not-treat', 'caution', 'clear'];

/**
 * The rules' findings grouped by severity, worst first, each with what to tell the patient.
 * Every caution has its own acknowledgement.
 */
export function FindingsPanel({
  preview,
  running,
  productNames,
  acknowledged,
  onAcknowledge,
  readOnly,
}: {
  preview: ScreeningPreview;
  running: boolean;
  productNames: Readonly<Record<string, string>>;
  acknowledged: ReadonlySet<string>;
  onAcknowledge: (key: string, checked: boolean) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const keys = findingKeys(preview.findings);
  const items = preview.findings.map((f, i) => ({ f, key: keys[i] ?? String(i) }));
  return (
    <Paper withBorder p="md" role="region" aria-label={t('screening.findings.title')}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('screening.findings.title')}
          </Title>
          <Group gap="xs">
            {running ? <Loader size="xs" aria-label={t('screening.findings.running')} /> : null}
            <Badge size="lg" color={severityColour[preview.outcome]} data-testid="check-outcome">
              {t(`screening.outcome.${preview.outcome}`)}
            </Badge>
          </Group>
        </Group>
        {/* Translations of clinical text are the clinic's to review, as translated templates are. */}
        {preview.findings.some(isTranslatedFinding) ? (
          <Stack gap={4} align="flex-start" data-testid="findings-review">
            <Badge color="gray" variant="outline" tt="none">
              {t('findingsReview.pending')}
            </Badge>
            <Text size="xs" c="dimmed">
              {t('findingsReview.help')}
            </Text>
          </Stack>
        ) : null}
        {order.map((severity) => {
          const group = items.filter((x) => x.f.severity === severity);
          if (group.length === 0) return null;
          return (
            <Stack
              key={severity}
              gap="xs"
              role="group"
              aria-label={t(`screening.findings.group.${severity}`)}
            >
              <Text fw={700} c={severityColour[severity]}>
                {t(`screening.findings.group.${severity}`)} ({group.length})
              </Text>
              {group.map(({ f, key }) => (
                <Alert
                  key={key}
                  color={severityColour[severity]}
                  variant={severity === 'clear' ? 'outline' : 'light'}
                  py="xs"
                >
                  <Stack gap={4}>
                    {f.productId ? (
                      <Text size="sm" fw={700}>
                        {t('screening.findings.product', {
                          name: productNames[f.productId] ?? f.productId,
                        })}
                      </Text>
                    ) : null}
                    {/* In the screens' language where the catalogue words the rule, else the
                        rule's English, laid out as its own text so its punctuation stays put. */}
                    <Text
                      size="sm"
                      dir={findingDir(f)}
                      title={isTranslatedFinding(f) ? f.explanation : undefined}
                    >
                      {findingText(f)}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t('screening.findings.tellPatient', {
                        message: patientMessageText(f.patientMessage),
                      })}
                    </Text>
                    {severity === 'caution' && !readOnly ? (
                      <Checkbox
                        mt={4}
                        label={t('screening.findings.acknowledge')}
                        aria-label={t('screening.findings.acknowledgeOne', {
                          what: findingText(f),
                        })}
                        checked={acknowledged.has(key)}
                        onChange={(e) => onAcknowledge(key, e.currentTarget.checked)}
                      />
                    ) : null}
                  </Stack>
                </Alert>
              ))}
            </Stack>
          );
        })}
        {preview.findings.length === 0 ? (
          <Text size="sm" c="teal">
            {t('screening.findings.nothing')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
