import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../../shared/api/audit';
import { uiLocale } from '../../lib/ui-language';

// Text, not a badge: a badge cuts a long outcome ("Refused (not allowed) · FORBIDDEN") short.
const outcomeColour = { success: 'teal.9', denied: 'orange.9', failed: 'red.9' } as const;

/** One row per event: when, who, what in plain words, which patient, how it ended. */
export function AuditTable({ rows }: { rows: AuditEvent[] }) {
  const { t } = useTranslation();
  const time = new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'short', timeStyle: 'medium' });
  // The catalogue is nested by domain: `chart.open` is auditOperations.chart.open.
  const what = (operation: string) =>
    t(`auditOperations.${operation}`, { defaultValue: operation });
  return (
    <Table striped aria-label={t('audit.tableLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('audit.when')}</Table.Th>
          <Table.Th>{t('audit.user')}</Table.Th>
          <Table.Th>{t('audit.what')}</Table.Th>
          <Table.Th>{t('audit.patient')}</Table.Th>
          <Table.Th>{t('audit.outcome')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((e) => (
          <Table.Tr key={e.seq}>
            <Table.Td>{time.format(new Date(e.at))}</Table.Td>
            <Table.Td>
              {e.displayName ?? e.username ?? t('audit.noUser')}
              {e.role ? (
                <Text span c="dimmed" size="xs">{` (${t(`roles.${e.role}`)})`}</Text>
              ) : null}
            </Table.Td>
            <Table.Td>{what(e.operation)}</Table.Td>
            <Table.Td>
              {e.patientName ?? (e.patientId ? t('audit.patientGone') : '—')}
              {e.clinicNumber ? (
                <Text span c="dimmed" size="xs">{` · ${e.clinicNumber}`}</Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={600} c={outcomeColour[e.outcome]}>
                {t(`audit.outcomes.${e.outcome}`)}
                {e.errorCode ? ` · ${e.errorCode}` : ''}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
