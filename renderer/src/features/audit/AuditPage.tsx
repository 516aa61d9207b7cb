import { Alert, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActions, type AuditAction } from '../../../../shared/api/operation';
import { api, unwrap } from '../../lib/api';
import { downloadText } from '../../lib/download';
import { host } from '../../lib/host';
import { isIsoDay } from '../../lib/locale-input';
import { DayInput } from '../../ui/DayInput';
import { staffKeys } from '../staff';
import { AuditTable } from './AuditTable';
import { StartupCheckLine } from './StartupCheck';
import { filterInput } from './filters';
import { auditKeys, type AuditFilters } from './queries';

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>({
    userId: null,
    action: null,
    patient: '',
    from: '',
    to: '',
  });
  // A name is typed letter by letter; the log is read once the typing pauses.
  const [settled] = useDebouncedValue(filters, 250);
  // Shown in the page, not as a toast: a toast in the corner covers the export buttons.
  const [exported, setExported] = useState<string | null>(null);
  const staff = useQuery({ queryKey: staffKeys.list, queryFn: () => unwrap(api.staff.list({})) });
  // The chain is checked as the page opens, so the answer is the first thing a manager reads.
  const verify = useQuery({
    queryKey: auditKeys.verify,
    queryFn: () => unwrap(api.audit.verify({})),
    staleTime: Infinity,
  });
  const events = useInfiniteQuery({
    queryKey: auditKeys.events(settled),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.audit.list({
          limit: 100,
          ...filterInput(settled),
          ...(pageParam ? { before: pageParam } : {}),
        }),
      ),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const exportCsv = useMutation({
    mutationFn: () => unwrap(api.audit.exportCsv(filterInput(settled))),
    onSuccess: (file) => {
      downloadText(file.fileName, file.csv);
      setExported(t('audit.exportedCsv', { count: file.rows, file: file.fileName }));
    },
  });
  const exportPdf = useMutation({
    mutationFn: async () => {
      const target = await host.chooseSaveFile(
        'save-pdf',
        `audit-log-${new Date().toISOString().slice(0, 10)}.pdf`,
      );
      if (!target) return null;
      return unwrap(
        api.audit.exportPdf({
          ...filterInput(settled),
          target: target.token,
          locale: navigator.language || 'en-GB',
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        }),
      );
    },
    onSuccess: (saved) => {
      if (saved) {
        setExported(t('audit.exportedPdf', { count: saved.rows, pages: saved.pageCount }));
      }
    },
  });
  const rows = events.data?.pages.flatMap((p) => p.events) ?? [];
  const set = (patch: Partial<AuditFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const exportError = exportCsv.error ?? exportPdf.error;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('audit.title')}</Title>
        <Group gap="xs">
          <Button
            variant="default"
            loading={exportCsv.isPending}
            onClick={() => exportCsv.mutate()}
          >
            {t('audit.exportCsv')}
          </Button>
          <Button
            variant="default"
            loading={exportPdf.isPending}
            onClick={() => exportPdf.mutate()}
          >
            {t('audit.exportPdf')}
          </Button>
        </Group>
      </Group>
      {verify.isPending ? <Text c="dimmed">{t('audit.verifying')}</Text> : null}
      {verify.data ? (
        <Alert
          color={verify.data.ok ? 'teal' : 'red'}
          role="status"
          title={verify.data.ok ? t('audit.intact') : t('audit.broken')}
        >
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Text size="sm">
              {verify.data.ok
                ? t('audit.intactDetail', { count: verify.data.checked })
                : t('audit.brokenDetail', {
                    seq: verify.data.firstBroken,
                    reason: verify.data.reason,
                  })}
            </Text>
            <Button
              size="xs"
              variant="white"
              loading={verify.isFetching}
              onClick={() => void verify.refetch()}
            >
              {t('audit.verify')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <StartupCheckLine />
      {verify.isError ? (
        <Alert color="red" role="alert">
          {t('audit.verifyFailed', { message: verify.error.message })}
        </Alert>
      ) : null}
      {exported ? (
        <Alert
          color="teal"
          role="status"
          withCloseButton
          closeButtonLabel={t('audit.dismiss')}
          onClose={() => setExported(null)}
        >
          {exported}
        </Alert>
      ) : null}
      {exportError ? (
        <Alert color="red" role="alert">
          {exportError.message}
        </Alert>
      ) : null}
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
          placeholder={t('audit.patientHint')}
          value={filters.patient}
          onChange={(e) => set({ patient: e.currentTarget.value })}
          w={220}
        />
        {/* A typed day that is not one is named by the field and leaves the filter as it was. */}
        <DayInput
          label={t('audit.from')}
          value={filters.from}
          onChange={(day) => (isIsoDay(day) || day === '' ? set({ from: day }) : undefined)}
          w={160}
        />
        <DayInput
          label={t('audit.to')}
          value={filters.to}
          onChange={(day) => (isIsoDay(day) || day === '' ? set({ to: day }) : undefined)}
          w={160}
        />
      </Group>
      {events.isError ? <Alert color="red">{events.error.message}</Alert> : null}
      <AuditTable rows={rows} />
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
