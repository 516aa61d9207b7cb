import {
  Anchor,
  Badge,
  Button,
  Group,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { recallInput } from '../../../../shared/api/recall';
import type { OpOutput } from '../../../../shared/api/contract';
import { api, unwrap } from '../../lib/api';
import { formatDay } from '../../lib/dates';
import { downloadText } from '../../lib/download';
import { applyServerError } from '../../lib/forms';
import { FormError } from '../../ui/FormError';
import { DueCoursesPanel } from './DueCoursesPanel';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

/**
 * Recall: courses due and not booked (everyone at the desk), and the lot recall (practitioners and
 * the admin): every patient and session that received a lot, with contact details, as CSV too.
 */
export function RecallPage({ lots }: { lots: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('recall.title')}</Title>
      <Tabs defaultValue="due" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="due">{t('dueCourses.title')}</Tabs.Tab>
          {lots ? <Tabs.Tab value="lots">{t('recall.lotsTab')}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="due" pt="md">
          <DueCoursesPanel />
        </Tabs.Panel>
        {lots ? (
          <Tabs.Panel value="lots" pt="md">
            <LotRecall />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </Stack>
  );
}

function LotRecall() {
  const { t } = useTranslation();
  const [result, setResult] = useState<OpOutput<'recall.search'> | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof recallInput>>({
    resolver: zodResolver(recallInput),
    defaultValues: { lotNumber: '' },
  });
  useFieldMessagesFollowLanguage(form);
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      setResult(await unwrap(api.recall.search(values)));
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });
  const exportCsv = async () => {
    if (!result) return;
    try {
      const file = await unwrap(api.recall.export({ lotNumber: result.lotNumber }));
      downloadText(file.fileName, file.csv);
    } catch (error) {
      setFormError(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('recall.help')}
      </Text>
      <form onSubmit={submit} noValidate aria-label={t('recall.title')}>
        <Group align="flex-start">
          <TextInput
            dir="ltr"
            label={t('recall.lotNumber')}
            required
            {...form.register('lotNumber')}
            error={form.formState.errors.lotNumber?.message}
            w={260}
          />
          <Button type="submit" mt={25} loading={form.formState.isSubmitting}>
            {t('recall.search')}
          </Button>
        </Group>
      </form>
      <FormError message={formError} />
      {result ? (
        <Stack gap="sm">
          <Group justify="space-between">
            <Text fw={600} data-testid="recall-summary">
              {result.lots.length === 0
                ? t('recall.unknownLot', { lot: result.lotNumber })
                : t('recall.summary', {
                    count: result.rows.length,
                    lot: result.lotNumber,
                    products: result.lots.map((l) => l.productName).join(', '),
                  })}
            </Text>
            <Button
              variant="light"
              disabled={result.rows.length === 0}
              onClick={() => void exportCsv()}
            >
              {t('recall.export')}
            </Button>
          </Group>
          <Table striped withTableBorder aria-label={t('recall.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('recall.patient')}</Table.Th>
                <Table.Th>{t('recall.contact')}</Table.Th>
                <Table.Th>{t('recall.session')}</Table.Th>
                <Table.Th>{t('recall.product')}</Table.Th>
                <Table.Th>{t('recall.areas')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.rows.map((r) => (
                <Table.Tr
                  key={`${r.sessionId}-${r.lotNumber}-${r.productName}`}
                  data-testid="recall-row"
                >
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {r.patientName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {r.clinicNumber}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.phone}</Text>
                    <Text size="sm">{r.email}</Text>
                    <Text size="xs" c="dimmed">
                      {r.address}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/patients/${r.patientId}/sessions/${r.sessionId}`}
                      size="sm"
                    >
                      {formatDay(r.sessionDate)}
                    </Anchor>{' '}
                    <Badge
                      size="xs"
                      variant="light"
                      color={r.sessionStatus === 'signed' ? 'teal' : 'gray'}
                    >
                      {t(`sessions.status.${r.sessionStatus}`)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {r.practitionerName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.productName}</Text>
                    <Text size="xs" c="dimmed">
                      {t('recall.lotLine', { lot: r.lotNumber })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {r.areas.map((a) => t(`treatmentAreas.${a}`)).join(', ')}
                      {r.volumeMl !== null ? ` · ${r.volumeMl} ml` : ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
    </Stack>
  );
}
