import { languageName } from '../../../../shared/documents/languages';
import { personName } from '../../../../shared/patients/person-name';
import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  patientDetailFields,
  patientDetailsSchema,
  type Patient,
  type PatientDetails,
} from '../../../../shared/api/patients';
import type { StaffUser } from '../../../../shared/api/staff';
import { api, unwrap } from '../../lib/api';
import { applyServerError } from '../../lib/forms';
import { formatDay, formatInstant } from '../../lib/dates';
import { isolated } from '../../lib/ui-language';
import { ConsentsPanel } from '../consents';
import { PatientDetailsFields, patientsKeys } from '../patients';
import { FormError } from '../../ui/FormError';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

function pickDetails(p: Patient): PatientDetails {
  return Object.fromEntries(patientDetailFields.map((f) => [f, p[f]])) as PatientDetails;
}

function EditDetailsForm({ patient, onDone }: { patient: Patient; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<PatientDetails>({
    resolver: zodResolver(patientDetailsSchema),
    defaultValues: pickDetails(patient),
  });
  useFieldMessagesFollowLanguage(form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await unwrap(api.patients.update({ ...values, id: patient.id }));
      await client.invalidateQueries({ queryKey: patientsKeys.all });
      notifications.show({ color: 'teal', message: t('patients.saved') });
      onDone();
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('chart.edit')}>
      <Stack>
        <PatientDetailsFields register={form.register} control={form.control} errors={errors} />
        <FormError message={formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function fieldLabel(t: (k: string) => string, field: string) {
  return t(`patients.fields.${field}`);
}

function ChangesList({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const changes = useQuery({
    queryKey: patientsKeys.changes(patientId),
    queryFn: () => unwrap(api.patients.changes({ id: patientId })),
  });
  return (
    <Paper withBorder p="md" component="section" aria-label={t('chart.changes')}>
      <Title order={3} size="h5" mb="xs">
        {t('chart.changes')}
      </Title>
      {changes.data?.length === 0 ? <Text c="dimmed">{t('chart.noChanges')}</Text> : null}
      <Stack gap="xs">
        {(changes.data ?? []).map((c, i) => (
          <div key={i}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {t('chart.changeLine', {
                field: fieldLabel(t, c.field),
                before: c.before || t('chart.empty'),
                after: c.after || t('chart.empty'),
              })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('chart.changeBy', { when: formatInstant(c.at), by: c.by })}
            </Text>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}

function ArchiveButton({ patient, user }: { patient: Patient; user: StaffUser }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const archive = useMutation({
    mutationFn: (archived: boolean) =>
      unwrap(api.patients.archive({ id: patient.id, archived, reason })),
    onSuccess: async () => {
      setOpen(false);
      await client.invalidateQueries({ queryKey: patientsKeys.all });
    },
  });
  if (user.role === 'practitioner') return null;
  const name = personName(patient);
  if (patient.archived) {
    return (
      <Button variant="light" onClick={() => archive.mutate(false)} loading={archive.isPending}>
        {t('chart.restore')}
      </Button>
    );
  }
  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setOpen(true)}>
        {t('chart.archive')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('chart.archiveTitle', { name })}>
        <Stack>
          <Text size="sm">{t('chart.archiveBody')}</Text>
          <Textarea
            label={t('patients.fields.archiveReason')}
            description={t('patients.optional')}
            value={reason}
            maxLength={300}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          {archive.isError ? (
            <Alert color="red" role="alert">
              {archive.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={archive.isPending} onClick={() => archive.mutate(true)}>
              {t('chart.archive')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Details with their change log, consents, and archiving. */
export function PatientOverview({ patient, user }: { patient: Patient; user: StaffUser }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const shown = (field: keyof PatientDetails) => {
    const value = patient[field];
    if (field === 'dateOfBirth') return formatDay(value);
    // A language by its name in the screens' language ("İngilizce", "الإنجليزية"), not its code.
    if (field === 'preferredLanguage' && value) return languageName(value, i18n.language);
    if (field === 'sex') return t(`patients.sexes.${value}`);
    // A phone number or a Latin address in Arabic screens keeps its own order.
    return value ? isolated(value) : t('chart.empty');
  };
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md" component="section" aria-label={t('chart.details')}>
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h5">
              {t('chart.details')}
            </Title>
            <Group gap="xs">
              <ArchiveButton patient={patient} user={user} />
              <Button size="xs" onClick={() => setEditing(true)}>
                {t('chart.edit')}
              </Button>
            </Group>
          </Group>
          <Stack gap={6}>
            {patientDetailFields.map((field) => (
              <Group key={field} gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" c="dimmed" w={200} style={{ flexShrink: 0 }}>
                  {fieldLabel(t, field)}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {shown(field)}
                </Text>
              </Group>
            ))}
          </Stack>
        </Paper>
        <ConsentsPanel patientId={patient.id} />
      </SimpleGrid>
      <ChangesList patientId={patient.id} />
      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        size="xl"
        title={t('chart.editTitle', { name: personName(patient) })}
      >
        <EditDetailsForm patient={patient} onDone={() => setEditing(false)} />
      </Modal>
    </Stack>
  );
}
