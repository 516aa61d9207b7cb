import {
  Alert,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActions, type AuditAction } from '../../../../shared/api/operation';
import { api, unwrap } from '../../lib/api';
import { staffKeys } from '../staff';
import { auditKeys, type AuditFilters } from './queries';

/** A local calendar day as the UTC instant of its midnight, so filters follow the clinic's day. */
function localMidnight(date: string, addDays = 0): string | undefined {
  if (!date) return undefined;
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return undefined;
  return new Date(y, m - 1, d + addDays).toISOString();
}

const outcomeColour = { success: 'teal', denied: 'orange', failed: 'red' } as const;

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>({
    userId: null,
    action: null,
    patientId: '',
    from: '',
    to: '',
  });
  const staff = useQuery({ queryKey: staffKeys.list, queryFn: () => unwrap(api.staff.list({})) });
  const events = useInfiniteQuery({
    queryKey: auditKeys.events(filters),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => {
      const from = localMidnight(filters.from);
      const to = localMidnight(filters.to, 1);
      return unwrap(
        api.audit.list({
          limit: 100,
          ...(filters.userId ? { userId: filters.userId } : {}),
          ...(filters.action ? { action: filters.action } : {}),
          ...(filters.patientId.trim() ? { patientId: filters.patientId.trim() } : {}),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          ...(pageParam ? { before: pageParam } : {}),
        }),
      );
    },
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const verify = useMutation({ mutationFn: () => unwrap(api.audit.verify({})) });
  const rows = events.data?.pages.flatMap((p) => p.events) ?? [];
  const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });
  const set = (patch: Partial<AuditFilters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('audit.title')}</Title>
        <Button variant="light" loading={verify.isPending} onClick={() => verify.mutate()}>
          {t('audit.verify')}
        </Button>
      </Group>
      {verify.data ? (
        <Alert
          color={verify.data.ok ? 'teal' : 'red'}
          role="status"
          title={verify.data.ok ? t('audit.intact') : t('audit.broken')}
        >
          {verify.data.ok
            ? t('audit.intactDetail', { count: verify.data.checked })
            : t('audit.brokenDetail', { seq: verify.data.firstBroken, reason: verify.data.reason })}
        </Alert>
      ) : null}
      {verify.isError ? <Alert color="red">{verify.error.message}</Alert> : null}
      <Group align="flex-end" gap="sm" role="search" aria-label={t('audit.filters')}>
        <Select
          label={t('audit.user')}
          clearable
          data={(staff.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          value={filters.userId}
          onChange={(v) => set({ userId: v })}
          w={200}
        />
        <Select
          label={t('audit.action')}
          clearable
          data={auditActions.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
          value={filters.action}
          onChange={(v) => set({ action: v as AuditAction | null })}
          w={150}
        />
        <TextInput
          label={t('audit.patient')}
          value={filters.patientId}
          onChange={(e) => set({ patientId: e.currentTarget.value })}
          w={200}
        />
        <TextInput
          type="date"
          label={t('audit.from')}
          value={filters.from}
          onChange={(e) => set({ from: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('audit.to')}
          value={filters.to}
          onChange={(e) => set({ to: e.currentTarget.value })}
        />
      </Group>
      {events.isError ? <Alert color="red">{events.error.message}</Alert> : null}
      <Table striped aria-label={t('audit.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.when')}</Table.Th>
            <Table.Th>{t('audit.user')}</Table.Th>
            <Table.Th>{t('audit.operation')}</Table.Th>
            <Table.Th>{t('audit.action')}</Table.Th>
            <Table.Th>{t('audit.object')}</Table.Th>
            <Table.Th>{t('audit.patient')}</Table.Th>
            <Table.Th>{t('audit.outcome')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => (
            <Table.Tr key={e.seq}>
              <Table.Td>{time.format(new Date(e.at))}</Table.Td>
              <Table.Td>
                {e.username ?? '—'}
                {e.role ? (
                  <Text span c="dimmed" size="xs">{` (${t(`roles.${e.role}`)})`}</Text>
                ) : null}
              </Table.Td>
              <Table.Td>{e.operation}</Table.Td>
              <Table.Td>{t(`audit.actions.${e.action}`)}</Table.Td>
              <Table.Td>{[e.objectType, e.objectId].filter(Boolean).join(' ') || '—'}</Table.Td>
              <Table.Td>{e.patientId ?? '—'}</Table.Td>
              <Table.Td>
                <Badge color={outcomeColour[e.outcome]} variant="light">
                  {t(`audit.outcomes.${e.outcome}`)}
                  {e.errorCode ? ` · ${e.errorCode}` : ''}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && events.isSuccess ? <Text c="dimmed">{t('audit.none')}</Text> : null}
      {events.hasNextPage ? (
        <Button
          variant="default"
          w="fit-content"
          loading={events.isFetchingNextPage}
          onClick={() => void events.fetchNextPage()}
        >
          {t('audit.more')}
        </Button>
      ) : null}
    </Stack>
  );
}
