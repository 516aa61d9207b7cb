import { Alert, Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { addendumInput, type TreatmentSession } from '../../../../shared/api/sessions';
import { api, unwrap } from '../../lib/api';
import { formatDay, formatInstant } from '../../lib/dates';
import { CocktailView } from './CocktailView';
import { applyServerError } from '../../lib/forms';
import { TREATMENTS_KEY } from '../../lib/query-keys';
import { BodyDiagram } from './BodyDiagram';
import { SessionHeading } from './SessionHeading';
import { PrintAftercareButton } from '../documents';
import { FormError } from '../../ui/FormError';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </Stack>
  );
}

function AddendumForm({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof addendumInput>>({
    resolver: zodResolver(addendumInput),
    defaultValues: { sessionId, text: '' },
  });
  useFieldMessagesFollowLanguage(form);
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await unwrap(api.sessions.addAddendum(values));
      form.reset({ sessionId, text: '' });
      await client.invalidateQueries({ queryKey: TREATMENTS_KEY });
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('sessions.addAddendum')}>
      <Stack gap="xs">
        <Textarea
          label={t('sessions.addendumText')}
          description={t('sessions.addendumHelp')}
          autosize
          minRows={2}
          {...form.register('text')}
          error={form.formState.errors.text?.message}
        />
        <FormError message={formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('sessions.addAddendum')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A signed note as it was signed, followed by its addenda; nothing here edits the original. */
export function SessionView({
  session,
  canAmend,
}: {
  session: TreatmentSession;
  canAmend: boolean;
}) {
  const { t } = useTranslation();
  const yes = (v: number | null, unit = '') => (v === null ? '' : `${v}${unit}`);
  return (
    <Stack gap="md">
      <SessionHeading session={session} />
      {session.status === 'signed' ? (
        <Alert color="teal" variant="light" title={t('sessions.lockedTitle')}>
          {t('sessions.lockedBody', {
            name: session.signedByName ?? '',
            at: formatInstant(session.signedAt),
          })}
        </Alert>
      ) : null}
      {session.status === 'abandoned' ? (
        <Alert color="gray" variant="light" title={t('sessions.abandonedTitle')}>
          {session.abandonedAt
            ? t('sessions.abandonedBody', {
                name: session.abandonedByName ?? '',
                at: formatInstant(session.abandonedAt),
                reason: session.abandonReason ?? '',
              })
            : t('sessions.abandonedBodyOld')}
        </Alert>
      ) : null}
      {session.status === 'signed' ? (
        <PrintAftercareButton patientId={session.patientId} sessionId={session.id} />
      ) : null}
      <Paper withBorder p="md">
        <Group align="flex-start" gap="xl">
          <BodyDiagram selected={session.areas.map((a) => a.area)} onToggle={() => {}} readOnly />
          <Stack gap="sm">
            <Group gap="xl">
              <Fact
                label={t('sessions.technique')}
                value={session.technique ? t(`techniques.${session.technique}`) : ''}
              />
              <Fact
                label={t('sessions.needle')}
                value={
                  session.needleGauge !== null
                    ? t('sessions.needleValue', {
                        gauge: session.needleGauge,
                        length: session.needleLengthMm ?? '',
                      })
                    : ''
                }
              />
              <Fact
                label={t('sessions.anaesthesia')}
                value={session.anaesthesia ? t(`anaesthesia.${session.anaesthesia}`) : ''}
              />
              <Fact label={t('sessions.passes')} value={yes(session.passes)} />
              <Fact label={t('sessions.points')} value={yes(session.points)} />
            </Group>
            {/* A note recorded only as syringes has no per-area product lines to tabulate. */}
            {session.products.length > 0 || session.cocktails.length === 0 ? (
              <Table withTableBorder aria-label={t('sessions.areasTitle')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('sessions.area')}</Table.Th>
                    <Table.Th>{t('sessions.depth')}</Table.Th>
                    <Table.Th>{t('sessions.product')}</Table.Th>
                    <Table.Th>{t('sessions.lot')}</Table.Th>
                    <Table.Th>{t('sessions.volume')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {session.products.map((p, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{t(`treatmentAreas.${p.area}`)}</Table.Td>
                      <Table.Td>
                        {yes(session.areas.find((a) => a.area === p.area)?.depthMm ?? null, ' mm')}
                      </Table.Td>
                      <Table.Td>{p.productName}</Table.Td>
                      <Table.Td>
                        {t('sessions.lotOption', {
                          lot: p.lotNumber,
                          date: formatDay(p.expiresOn),
                        })}
                      </Table.Td>
                      <Table.Td>{yes(p.volumeMl, ' ml')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
            <CocktailView cocktails={session.cocktails} />
            <Fact label={t('sessions.immediateReactions')} value={session.immediateReactions} />
            <Fact label={t('sessions.notes')} value={session.notes} />
          </Stack>
        </Group>
      </Paper>
      {session.status === 'signed' ? (
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="xs">
            {t('sessions.addenda')}
          </Title>
          <Stack gap="sm">
            {session.addenda.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('sessions.noAddenda')}
              </Text>
            ) : (
              session.addenda.map((a) => (
                <Paper key={a.id} bg="gray.0" p="sm" data-testid="addendum">
                  <Text size="xs" c="dimmed">
                    {t('sessions.addendumBy', {
                      name: a.authorName,
                      at: formatInstant(a.writtenAt),
                    })}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {a.text}
                  </Text>
                </Paper>
              ))
            )}
            {canAmend ? <AddendumForm sessionId={session.id} /> : null}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
