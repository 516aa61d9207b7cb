import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function PatientsPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('nav.patients')}</Title>
      <Text c="dimmed">{t('patients.empty')}</Text>
    </Stack>
  );
}
