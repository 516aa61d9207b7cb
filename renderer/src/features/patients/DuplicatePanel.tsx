import { personName } from '../../../../shared/patients/person-name';
import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCandidate } from '../../../../shared/api/patients';
import { formatDay } from '../../lib/dates';

/** Patients who may be the person being registered, with a way to open them instead. */
export function DuplicatePanel({
  candidates,
  confirmed,
  onConfirm,
}: {
  candidates: DuplicateCandidate[];
  confirmed: boolean;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const panel = useRef<HTMLDivElement>(null);
  const found = candidates.map((c) => c.id).join(',');
  // Each new match is brought into view where the receptionist is typing: the warning sits under
  // the names, but a match found from the phone or e-mail further down would stay off screen.
  useEffect(() => {
    if (found) panel.current?.scrollIntoView({ block: 'nearest' });
  }, [found]);
  if (candidates.length === 0) return null;
  return (
    <Alert
      ref={panel}
      role="alert"
      color={confirmed ? 'gray' : 'orange'}
      title={t('patients.duplicates.title')}
      aria-label={t('patients.duplicates.title')}
      data-testid="duplicate-warning"
    >
      <Stack gap="xs">
        <Text size="sm">{t('patients.duplicates.body')}</Text>
        <List spacing={4}>
          {candidates.map((c) => {
            const name = personName(c);
            return (
              <List.Item key={c.id}>
                <Group gap="xs" wrap="wrap">
                  <Button
                    component={Link}
                    to={`/patients/${c.id}`}
                    size="compact-sm"
                    variant="light"
                    aria-label={t('patients.duplicates.open', { name })}
                  >
                    {name}
                  </Button>
                  <Text size="sm">
                    {c.clinicNumber} · {formatDay(c.dateOfBirth)}
                    {c.phone ? ` · ${c.phone}` : ''}
                    {c.email ? ` · ${c.email}` : ''}
                  </Text>
                  <Text size="sm" c="dimmed">
                    ({c.reasons.map((r) => t(`patients.duplicates.reasons.${r}`)).join(', ')})
                  </Text>
                  {c.archived ? (
                    <Text size="xs" c="dimmed">
                      {t('patients.archivedBadge')}
                    </Text>
                  ) : null}
                </Group>
              </List.Item>
            );
          })}
        </List>
        {confirmed ? (
          <Text size="sm">{t('patients.duplicates.confirmed')}</Text>
        ) : (
          <Button variant="default" size="xs" w="fit-content" onClick={onConfirm}>
            {t('patients.duplicates.confirm')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
