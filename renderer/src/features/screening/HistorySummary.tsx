import { Alert, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScreeningPrefill } from '../../../../shared/api/screening';
import type { Conditions } from '../../../../shared/screening';
import { formatDay, formatInstant } from '../../lib/dates';
import { medicineLabel } from './medicine-label';
import { yesNoQuestionLabelKey } from './question-label';

/** Conditions worth showing: anything other than "no" or "none". */
function presentConditions(c: Conditions): Array<keyof Conditions> {
  return (Object.keys(c) as Array<keyof Conditions>).filter((k) => {
    const v = c[k];
    return v !== false && v !== 'none';
  });
}

/** What the latest history says, as the check read it: medicines, allergies, conditions. */
export function HistorySummary({ prefill }: { prefill: ScreeningPrefill }) {
  const { t } = useTranslation();
  const { facts } = prefill;
  if (!facts) {
    return (
      <Alert color="red" role="alert" title={t('screening.history.none')}>
        {t('screening.history.noneHelp')}
      </Alert>
    );
  }
  const conditions = presentConditions(facts.conditions);
  const allergies = [
    ...facts.allergies.ticked.map((tag) => t(`screening.allergens.${tag}`)),
    ...facts.allergies.freeText,
  ];
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('screening.history.title', {
            version: prefill.historyVersion,
            date: formatInstant(prefill.historyRecordedAt),
          })}
        </Title>
        <Stack gap={4}>
          <Text fw={500} size="sm">
            {t('screening.history.medicines')}
          </Text>
          {facts.medicines.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('screening.history.noMedicines')}
            </Text>
          ) : (
            <List size="sm" spacing={4} aria-label={t('screening.history.medicines')}>
              {facts.medicines.map((m) => {
                const label = medicineLabel(m.text, t);
                return (
                  <List.Item key={m.id}>
                    <Group gap="xs" wrap="wrap">
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {m.text}
                      </Text>
                      {label ? (
                        <Badge color={label.colour} variant="light" tt="none">
                          {label.text}
                        </Badge>
                      ) : null}
                      <Text size="xs" c="dimmed">
                        {m.lastDose
                          ? t('screening.history.lastDose', { date: formatDay(m.lastDose) })
                          : t('screening.history.lastDoseUnknown')}
                      </Text>
                    </Group>
                  </List.Item>
                );
              })}
            </List>
          )}
        </Stack>
        <Group gap="xs">
          <Text fw={500} size="sm">
            {t('screening.history.allergies')}
          </Text>
          {allergies.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('screening.history.noneRecorded')}
            </Text>
          ) : (
            allergies.map((a, i) => (
              <Badge key={i} color="red" variant="light" tt="none">
                {a}
              </Badge>
            ))
          )}
        </Group>
        <Group gap="xs">
          <Text fw={500} size="sm">
            {t('screening.history.conditions')}
          </Text>
          {conditions.length === 0 && facts.recentSurgeries.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('screening.history.noneRecorded')}
            </Text>
          ) : null}
          {conditions.map((c) => (
            <Badge key={c} color="grape" variant="light" tt="none">
              {t(`screening.conditions.${c}`)}
            </Badge>
          ))}
          {facts.recentSurgeries.map((s, i) => (
            <Badge key={`s${i}`} color="grape" variant="light" tt="none">
              {t('screening.history.surgery', { date: s.date ? formatDay(s.date) : '?' })}
            </Badge>
          ))}
        </Group>
        {facts.notAsked?.length ? (
          <Group gap="xs" data-testid="check-not-asked">
            <Text fw={500} size="sm">
              {t('screening.history.notAsked')}
            </Text>
            {facts.notAsked.map((q) => (
              <Badge key={q} color="orange" variant="light" tt="none">
                {t(yesNoQuestionLabelKey(q))}
              </Badge>
            ))}
          </Group>
        ) : null}
        {/* Worded at render time from the catalogue, so a language switch rewords them; the
            service's English stays for a key the catalogue lacks. */}
        {prefill.assumptions.map((a, i) => (
          <Alert key={a} color="yellow" py={6} data-testid="check-assumption">
            {t(`findingPhrases.${prefill.assumptionPhrases[i] ?? ''}`, { defaultValue: a })}
          </Alert>
        ))}
      </Stack>
    </Paper>
  );
}
