import { Group, NumberInput, Select } from '@mantine/core';
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SessionDraftFields } from '../../../../shared/api/sessions';
import {
  anaesthesiaOptions,
  techniqueUsesNeedle,
  techniques,
} from '../../../../shared/sessions/treatment-terms';
import { numberOrNull } from '../../lib/forms';

/** How the session was done: technique, the needle when it uses one, anaesthesia, counts. */
export function TechniqueFields({ form }: { form: UseFormReturn<SessionDraftFields> }) {
  const { t } = useTranslation();
  const technique = useWatch({ control: form.control, name: 'technique' });
  const { errors } = form.formState;
  const techniqueOptions = techniques.map((v) => ({ value: v, label: t(`techniques.${v}`) }));
  const anaesthesiaData = anaesthesiaOptions.map((v) => ({
    value: v,
    label: t(`anaesthesia.${v}`),
  }));
  const needle = technique === null || techniqueUsesNeedle(technique);

  return (
    <Group align="flex-start">
      <Controller
        control={form.control}
        name="technique"
        render={({ field }) => (
          <Select
            label={t('sessions.technique')}
            data={techniqueOptions}
            value={field.value}
            onChange={(v) => field.onChange(v)}
            error={errors.technique?.message}
            w={200}
          />
        )}
      />
      {needle ? (
        <>
          <Controller
            control={form.control}
            name="needleGauge"
            render={({ field }) => (
              <NumberInput
                label={t('sessions.needleGauge')}
                value={field.value ?? ''}
                onChange={(v) => field.onChange(numberOrNull(v))}
                allowDecimal={false}
                suffix=" G"
                error={errors.needleGauge?.message}
                w={140}
              />
            )}
          />
          <Controller
            control={form.control}
            name="needleLengthMm"
            render={({ field }) => (
              <NumberInput
                label={t('sessions.needleLength')}
                value={field.value ?? ''}
                onChange={(v) => field.onChange(numberOrNull(v))}
                decimalScale={1}
                suffix=" mm"
                error={errors.needleLengthMm?.message}
                w={150}
              />
            )}
          />
        </>
      ) : null}
      <Controller
        control={form.control}
        name="anaesthesia"
        render={({ field }) => (
          <Select
            label={t('sessions.anaesthesia')}
            data={anaesthesiaData}
            value={field.value}
            onChange={(v) => field.onChange(v)}
            error={errors.anaesthesia?.message}
            w={180}
          />
        )}
      />
      <Controller
        control={form.control}
        name="passes"
        render={({ field }) => (
          <NumberInput
            label={t('sessions.passes')}
            value={field.value ?? ''}
            onChange={(v) => field.onChange(numberOrNull(v))}
            allowDecimal={false}
            error={errors.passes?.message}
            w={110}
          />
        )}
      />
      <Controller
        control={form.control}
        name="points"
        render={({ field }) => (
          <NumberInput
            label={t('sessions.points')}
            value={field.value ?? ''}
            onChange={(v) => field.onChange(numberOrNull(v))}
            allowDecimal={false}
            error={errors.points?.message}
            w={110}
          />
        )}
      />
    </Group>
  );
}
