import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { generateConsentInput, type ArchivedDocumentInfo } from '../../../../shared/api/documents';
import { procedureKinds } from '../../../../shared/documents/procedure-kinds';
import type { StaffUser } from '../../../../shared/api/staff';
import { api, unwrap } from '../../lib/api';
import { applyServerError } from '../../lib/forms';
import { todayLocal } from '../../lib/dates';
import { productsKeys } from '../products';
import { documentsKeys } from './queries';
import { DayInput } from '../../ui/DayInput';
import { FormError } from '../../ui/FormError';
import { keyed } from '../../../../shared/api/field-text';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

/** "Name: ingredient, ingredient" per line, as the help text says. */
function parseOtherProducts(text: string) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [name = '', rest = ''] = line.split(/:(.*)/s);
      return {
        name: name.trim(),
        ingredients: rest
          .split(',')
          .map((i) => i.trim())
          .filter((i) => i !== ''),
      };
    });
}

const formSchema = z.object({
  procedureKind: generateConsentInput.shape.procedureKind,
  practitionerId: z
    .string()
    .min(1, keyed('validation.documents.choosePractitioner', 'Choose the practitioner')),
  productIds: z.array(z.string()),
  otherProducts: z.string().max(4000),
  plannedSessions: generateConsentInput.shape.plannedSessions,
  intervalDays: generateConsentInput.shape.intervalDays,
  treatmentDate: z.iso.date(
    keyed('validation.documents.treatmentDate', 'Enter the treatment date'),
  ),
});
type FormValues = z.input<typeof formSchema>;

export function GenerateConsentModal({
  patientId,
  user,
  opened,
  onClose,
  onGenerated,
  initial,
}: {
  patientId: string;
  user: StaffUser;
  opened: boolean;
  onClose: () => void;
  onGenerated: (doc: ArchivedDocumentInfo) => void;
  /** Starting values, e.g. from the course a session is about to start from. */
  initial?: Partial<
    Pick<FormValues, 'procedureKind' | 'productIds' | 'plannedSessions' | 'intervalDays'>
  >;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const practitioners = useQuery({
    queryKey: documentsKeys.practitioners,
    queryFn: () => unwrap(api.documents.practitioners({})),
    enabled: opened,
  });
  const products = useQuery({
    queryKey: productsKeys.forConsentForm,
    queryFn: () => unwrap(api.products.list({ includeInactive: false })),
    enabled: opened,
  });
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      procedureKind: 'skin-rejuvenation',
      practitionerId: user.role === 'receptionist' ? '' : user.id,
      productIds: [],
      otherProducts: '',
      plannedSessions: 4,
      intervalDays: 14,
      // Consent comes before treatment: today unless the treatment is booked for later.
      treatmentDate: todayLocal(),
      ...initial,
    },
  });
  useFieldMessagesFollowLanguage(form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const otherProducts = parseOtherProducts(values.otherProducts);
    if (values.productIds.length + otherProducts.length === 0) {
      form.setError('productIds', { message: t('documents.generate.productsHelp') });
      return;
    }
    try {
      const doc = await unwrap(
        api.documents.generateConsent({
          patientId,
          procedureKind: values.procedureKind,
          practitionerId: values.practitionerId,
          productIds: values.productIds,
          otherProducts,
          plannedSessions: values.plannedSessions,
          intervalDays: values.intervalDays,
          treatmentDate: values.treatmentDate,
        }),
      );
      await client.invalidateQueries({ queryKey: documentsKeys.patient(patientId) });
      form.reset();
      onGenerated(doc);
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });
  const productOptions = (products.data ?? []).map((p) => ({ value: p.id, label: p.name }));
  return (
    <Modal opened={opened} onClose={onClose} title={t('documents.generate.title')} size="lg">
      <form onSubmit={submit} noValidate aria-label={t('documents.generate.title')}>
        <Stack gap="sm">
          <Controller
            control={form.control}
            name="procedureKind"
            render={({ field }) => (
              <Select
                label={t('documents.generate.procedure')}
                data={procedureKinds.map((k) => ({
                  value: k,
                  label: t(`documents.procedureKinds.${k}`),
                }))}
                value={field.value}
                onChange={(v) => field.onChange(v ?? field.value)}
                allowDeselect={false}
                error={errors.procedureKind?.message}
                required
              />
            )}
          />
          <Controller
            control={form.control}
            name="practitionerId"
            render={({ field }) => (
              <Select
                label={t('documents.generate.practitioner')}
                data={(practitioners.data ?? []).map((p) => ({
                  value: p.id,
                  label: p.displayName,
                }))}
                value={field.value || null}
                onChange={(v) => field.onChange(v ?? '')}
                error={errors.practitionerId?.message}
                required
              />
            )}
          />
          <Controller
            control={form.control}
            name="productIds"
            render={({ field }) => (
              <MultiSelect
                label={t('documents.generate.products')}
                description={t('documents.generate.productsHelp')}
                data={productOptions}
                value={field.value}
                onChange={field.onChange}
                searchable
                error={errors.productIds?.message}
              />
            )}
          />
          {products.data && products.data.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('documents.generate.noCatalogue')}
            </Text>
          ) : null}
          <Textarea
            label={t('documents.generate.otherProducts')}
            description={t('documents.generate.otherProductsHelp')}
            autosize
            minRows={2}
            {...form.register('otherProducts')}
            error={errors.otherProducts?.message}
          />
          <Group grow>
            <Controller
              control={form.control}
              name="plannedSessions"
              render={({ field }) => (
                <NumberInput
                  label={t('documents.generate.plannedSessions')}
                  min={1}
                  max={100}
                  allowDecimal={false}
                  value={field.value}
                  onChange={(v) => field.onChange(typeof v === 'number' ? v : Number.NaN)}
                  error={errors.plannedSessions?.message}
                />
              )}
            />
            <Controller
              control={form.control}
              name="intervalDays"
              render={({ field }) => (
                <NumberInput
                  label={t('documents.generate.intervalDays')}
                  min={1}
                  max={730}
                  allowDecimal={false}
                  value={field.value}
                  onChange={(v) => field.onChange(typeof v === 'number' ? v : Number.NaN)}
                  error={errors.intervalDays?.message}
                />
              )}
            />
          </Group>
          <Controller
            control={form.control}
            name="treatmentDate"
            render={({ field }) => (
              <DayInput
                label={t('documents.generate.treatmentDate')}
                description={t('documents.generate.treatmentDateHelp')}
                required
                name={field.name}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errors.treatmentDate?.message}
              />
            )}
          />
          <FormError message={formError} />
          {isSubmitting ? (
            <Text size="sm" role="status">
              {t('documents.generate.generating')}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={isSubmitting}>
              {t('documents.generate.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
