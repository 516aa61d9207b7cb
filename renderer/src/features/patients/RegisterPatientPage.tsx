import { personName } from '../../../../shared/patients/person-name';
import { Button, Checkbox, Group, Paper, Stack, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm, useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import {
  consentKindSchema,
  consentKinds,
  patientDetailsSchema,
  type PatientDetails,
} from '../../../../shared/api/patients';
import { api, unwrap, ApiFailure } from '../../lib/api';
import { applyServerError } from '../../lib/forms';
import { useKeptThroughLock } from '../../lib/lock-drafts';
import { focusHeadingState, useFocusFirstField } from '../../lib/focus';
import { patientsKeys } from './queries';
import { DuplicatePanel } from './DuplicatePanel';
import { PatientDetailsFields, emptyPatientDetails } from './PatientDetailsFields';
import { FormError } from '../../ui/FormError';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

const schema = patientDetailsSchema.extend({ consents: z.array(consentKindSchema) });
type FormValues = z.infer<typeof schema>;

/** Looks for possible duplicates while the receptionist types, not only at the end. */
function useDuplicates(control: Control<FormValues>) {
  const [givenName, familyName, dateOfBirth, phone, email] = useWatch({
    control,
    name: ['givenName', 'familyName', 'dateOfBirth', 'phone', 'email'],
  });
  const [probe] = useDebouncedValue(
    {
      givenName: givenName.slice(0, 100),
      familyName: familyName.slice(0, 100),
      dateOfBirth: /^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth) ? dateOfBirth : '',
      phone: phone.slice(0, 40),
      email: email.slice(0, 254),
    },
    300,
  );
  const enabled =
    (probe.dateOfBirth !== '' &&
      (probe.givenName.trim() !== '' || probe.familyName.trim() !== '')) ||
    probe.phone.replace(/\D/g, '').length >= 6 ||
    probe.email.includes('@');
  return useQuery({
    queryKey: patientsKeys.duplicates(probe),
    queryFn: () => unwrap(api.patients.duplicates(probe)),
    enabled,
    staleTime: 0,
  });
}

export function RegisterPatientPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [confirmedIds, setConfirmedIds] = useState<string[]>([]);
  const form = useForm<FormValues>({
    resolver: zodResolver(schema),
    defaultValues: { ...emptyPatientDetails, consents: [] },
  });
  useKeptThroughLock('register', form);
  useFieldMessagesFollowLanguage(form);
  const { errors, isSubmitting } = form.formState;
  const duplicates = useDuplicates(form.control);
  const firstField = useFocusFirstField();
  const candidates = duplicates.data ?? [];
  const confirmed = candidates.every((c) => confirmedIds.includes(c.id));

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    if (!confirmed) {
      setFormError(t('patients.duplicates.mustConfirm'));
      return;
    }
    try {
      const patient = await unwrap(
        api.patients.create({ ...values, notDuplicateOf: confirmedIds }),
      );
      await client.invalidateQueries({ queryKey: patientsKeys.all });
      notifications.show({
        color: 'teal',
        message: t('patients.registered', {
          name: personName(patient),
          number: patient.clinicNumber,
        }),
      });
      void navigate(`/patients/${patient.id}`, { state: focusHeadingState });
    } catch (error) {
      if (error instanceof ApiFailure && error.error.code === 'CONFLICT') void duplicates.refetch();
      setFormError(applyServerError(error, form.setError));
    }
  });

  return (
    <Stack maw={820}>
      <Title order={2}>{t('patients.register')}</Title>
      <form ref={firstField} onSubmit={submit} noValidate aria-label={t('patients.register')}>
        <Stack gap="md">
          <Paper withBorder p="md">
            <PatientDetailsFields
              register={form.register as unknown as UseFormRegister<PatientDetails>}
              control={form.control as unknown as Control<PatientDetails>}
              errors={errors}
              afterIdentity={
                <DuplicatePanel
                  candidates={candidates}
                  confirmed={confirmed}
                  onConfirm={() => setConfirmedIds(candidates.map((c) => c.id))}
                />
              }
            />
          </Paper>
          <Paper withBorder p="md">
            <Controller
              control={form.control}
              name="consents"
              render={({ field }) => (
                <Checkbox.Group
                  label={t('patients.sections.consents')}
                  value={field.value}
                  onChange={(v) => field.onChange(v)}
                >
                  <Stack gap={6} mt="xs">
                    {consentKinds.map((kind) => (
                      <Checkbox key={kind} value={kind} label={t(`consents.kinds.${kind}`)} />
                    ))}
                  </Stack>
                </Checkbox.Group>
              )}
            />
          </Paper>
          <FormError message={formError} />
          <Group>
            <Button type="submit" loading={isSubmitting}>
              {t('patients.register')}
            </Button>
            <Button variant="default" onClick={() => void navigate('/patients')}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
