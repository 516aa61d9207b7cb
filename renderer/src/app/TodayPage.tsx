import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function TodayPage() {
  const { t } = useTranslation();
  const today = new Intl.DateTimeFormat(undefined, { dateStyle: 'full' }).format(new Date());
  return (
    <Stack>
      <Title order={2}>{t('nav.today')}</Title>
      <Text>{today}</Text>
      <Text c="dimmed">{t('today.empty')}</Text>
    </Stack>
  );
}
