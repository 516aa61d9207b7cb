import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { courseCreateInput } from '../../../../shared/api/courses';
import type { Product } from '../../../../shared/api/products';
import {
  indications,
  techniques,
  treatmentAreas,
  type Indication,
  type Technique,
  type TreatmentArea,
} from '../../../../shared/sessions/treatment-terms';
import { api, unwrap } from '../../lib/api';
import { applyServerError, numberOrNull } from '../../lib/forms';
import { TREATMENTS_KEY } from '../../lib/query-keys';
import { FormError } from '../../ui/FormError';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

type Values = z.input<typeof courseCreateInput>;

/** A course: indication, areas, how many sessions how often, and the protocol each starts from. */
export function CourseForm({
  patientId,
  products,
  onDone,
}: {
  patientId: string;
  products: Product[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(courseCreateInput),
    defaultValues: {
      patientId,
      indication: undefined as unknown as Indication,
      indicationNote: '',
      areas: [],
      plannedSessions: 4,
      intervalDays: 14,
      protocol: {
        productIds: [],
        technique: null,
        depthMm: null,
        needleGauge: null,
        needleLengthMm: null,
      },
    },
  });
  useFieldMessagesFollowLanguage(form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await unwrap(api.courses.create(values));
      await client.invalidateQueries({ queryKey: TREATMENTS_KEY });
      onDone();
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });
  const num = (name: 'plannedSessions' | 'intervalDays', label: string, suffix?: string) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <NumberInput
          label={label}
          required
          value={field.value ?? ''}
          onChange={(v) => field.onChange(numberOrNull(v))}
          allowDecimal={false}
          suffix={suffix}
          error={errors[name]?.message}
        />
      )}
    />
  );
  const protocolNumber = (
    name: 'protocol.depthMm' | 'protocol.needleGauge' | 'protocol.needleLengthMm',
    label: string,
    suffix: string,
  ) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <NumberInput
          label={label}
          value={field.value ?? ''}
          onChange={(v) => field.onChange(numberOrNull(v))}
          decimalScale={name === 'protocol.needleGauge' ? 0 : 2}
          suffix={suffix}
          error={errors.protocol?.[name.split('.')[1] as 'depthMm']?.message}
        />
      )}
    />
  );
  return (
    <form onSubmit={submit} noValidate aria-label={t('courses.new')}>
      <Stack gap="sm">
        <Controller
          control={form.control}
          name="indication"
          render={({ field }) => (
            <Select
              label={t('courses.indication')}
              required
              data-autofocus
              data={indications.map((i) => ({ value: i, label: t(`indications.${i}`) }))}
              value={field.value ?? null}
              onChange={(v) => field.onChange((v ?? undefined) as Indication)}
              error={errors.indication?.message}
            />
          )}
        />
        <TextInput
          label={t('courses.indicationNote')}
          {...form.register('indicationNote')}
          error={errors.indicationNote?.message}
        />
        <Controller
          control={form.control}
          name="areas"
          render={({ field }) => (
            <MultiSelect
              label={t('courses.areas')}
              required
              data={treatmentAreas.map((a) => ({ value: a, label: t(`treatmentAreas.${a}`) }))}
              value={field.value}
              onChange={(v) => field.onChange(v as TreatmentArea[])}
              error={errors.areas?.message}
            />
          )}
        />
        <SimpleGrid cols={2}>
          {num('plannedSessions', t('courses.plannedSessions'))}
          {num('intervalDays', t('courses.intervalDays'), ` ${t('courses.days')}`)}
        </SimpleGrid>
        <Controller
          control={form.control}
          name="protocol.productIds"
          render={({ field }) => (
            <MultiSelect
              label={t('courses.protocolProducts')}
              description={t('courses.protocolHelp')}
              data={products.filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))}
              value={field.value}
              onChange={field.onChange}
              searchable
              error={errors.protocol?.productIds?.message}
            />
          )}
        />
        <SimpleGrid cols={2}>
          <Controller
            control={form.control}
            name="protocol.technique"
            render={({ field }) => (
              <Select
                label={t('sessions.technique')}
                data={techniques.map((v) => ({ value: v, label: t(`techniques.${v}`) }))}
                value={field.value ?? null}
                onChange={(v) => field.onChange(v as Technique | null)}
                clearable
              />
            )}
          />
          {protocolNumber('protocol.depthMm', t('courses.depth'), ' mm')}
          {protocolNumber('protocol.needleGauge', t('sessions.needleGauge'), ' G')}
          {protocolNumber('protocol.needleLengthMm', t('sessions.needleLength'), ' mm')}
        </SimpleGrid>
        <FormError message={formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('courses.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
