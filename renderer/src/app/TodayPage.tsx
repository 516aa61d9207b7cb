import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StaffUser } from '../../../shared/api/staff';
import { TodayList } from '../features/appointments';
import { formatWith } from '../lib/dates';

export function TodayPage({ user }: { user: StaffUser }) {
  const { t } = useTranslation();
  const today = formatWith(new Date(), { dateStyle: 'full' });
  return (
    <Stack>
      <Title order={2}>{t('nav.today')}</Title>
      <Text>{today}</Text>
      <TodayList user={user} />
    </Stack>
  );
}
