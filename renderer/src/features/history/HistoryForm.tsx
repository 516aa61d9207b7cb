import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useFieldArray, useForm, useWatch, type Control } from 'react-hook-form';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  alcoholHabits,
  allergyTicks,
  conditionKeys,
  fitzpatrickTypes,
  glogauClasses,
  historyAnswersSchema,
  smokingHabits,
  type HistoryAnswers,
} from '../../../../shared/api/history';
import { applyServerError } from '../../lib/forms';
import { useKeptThroughLock } from '../../lib/lock-drafts';
import { MedicineRecognition } from './MedicineRecognition';
import { YesNoQuestion } from './YesNoQuestion';
import { DayAnswer } from './DayAnswer';
import { FormError } from '../../ui/FormError';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

type Size = 'sm' | 'lg';

function LineRecognition({ control, index }: { control: Control<HistoryAnswers>; index: number }) {
  const text = useWatch({ control, name: `medicines.${index}.text` });
  return <MedicineRecognition text={text} />;
}

function EnumSelect<V extends string>(props: {
  control: Control<HistoryAnswers>;
  name: 'fitzpatrick' | 'glogau' | 'smoking' | 'alcohol';
  label: string;
  values: readonly V[];
  labelOf: (v: V) => string;
  size: Size;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field }) => (
        <Select
          label={props.label}
          size={props.size}
          clearable
          placeholder={t('history.notAnswered')}
          data={props.values.map((v) => ({ value: v, label: props.labelOf(v) }))}
          value={field.value ?? null}
          onChange={(v) => field.onChange(v ?? null)}
          onBlur={field.onBlur}
          error={props.error}
        />
      )}
    />
  );
}

/**
 * The intake questionnaire. Staff use it at the desk; on the tablet screen the same form is shown
 * with large controls. What was typed stays in the form when a save fails.
 */
export function HistoryForm({
  defaultValues,
  onSubmit,
  onCancel,
  submitLabel,
  cancelLabel,
  size = 'sm',
  intro,
}: {
  defaultValues: HistoryAnswers;
  onSubmit: (values: HistoryAnswers) => Promise<void>;
  onCancel: () => void;
  submitLabel: string;
  cancelLabel: string;
  size?: Size;
  intro?: ReactNode;
}) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<HistoryAnswers>({
    resolver: zodResolver(historyAnswersSchema),
    defaultValues,
  });
  useFieldMessagesFollowLanguage(form);
  useKeptThroughLock('history', form);
  const { register, control } = form;
  const { errors, isSubmitting } = form.formState;
  const medicines = useFieldArray({ control, name: 'medicines' });
  const treatments = useFieldArray({ control, name: 'treatments' });
  const [surgeryRecent, isotretinoinTaken] = useWatch({
    control,
    name: ['surgery.recent', 'isotretinoin.taken'],
  });
  const gap = size === 'lg' ? 'lg' : 'sm';

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values);
    } catch (error) {
      setFormError(applyServerError(error, (name, e) => form.setError(stripAnswers(name), e)));
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack gap="lg">
        {intro}
        <Fieldset legend={t('history.sections.conditions')}>
          <SimpleGrid cols={{ base: 1, sm: size === 'lg' ? 2 : 3 }} spacing={gap}>
            {conditionKeys.map((key) => (
              <YesNoQuestion
                key={key}
                control={control}
                size={size}
                name={`conditions.${key}`}
                label={t(`history.conditions.${key}`)}
              />
            ))}
          </SimpleGrid>
          <Textarea
            mt={gap}
            size={size}
            autosize
            minRows={2}
            label={t('history.conditionNotes')}
            {...register('conditionNotes')}
            error={errors.conditionNotes?.message}
          />
        </Fieldset>

        <Fieldset legend={t('history.sections.surgery')}>
          <Stack gap={gap}>
            <YesNoQuestion
              control={control}
              size={size}
              name="surgery.recent"
              label={t('history.surgeryRecent')}
            />
            {surgeryRecent === 'yes' ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <DayAnswer
                  control={control}
                  name="surgery.date"
                  size={size}
                  label={t('history.surgeryDate')}
                  required
                  error={errors.surgery?.date?.message}
                />
                <TextInput
                  size={size}
                  label={t('history.surgeryDetails')}
                  {...register('surgery.details')}
                  error={errors.surgery?.details?.message}
                />
              </SimpleGrid>
            ) : null}
            <YesNoQuestion
              control={control}
              size={size}
              name="isotretinoin.taken"
              label={t('history.isotretinoin')}
            />
            {isotretinoinTaken === 'yes' ? (
              <DayAnswer
                control={control}
                name="isotretinoin.lastDate"
                size={size}
                maw={320}
                label={t('history.isotretinoinDate')}
                required
                error={errors.isotretinoin?.lastDate?.message}
              />
            ) : null}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('history.sections.allergies')}>
          <SimpleGrid cols={{ base: 1, sm: size === 'lg' ? 2 : 3 }} spacing={gap}>
            {allergyTicks.map((key) => (
              <YesNoQuestion
                key={key}
                control={control}
                size={size}
                name={`allergies.ticks.${key}`}
                label={t(`history.allergyTicks.${key}`)}
              />
            ))}
          </SimpleGrid>
          <Textarea
            mt={gap}
            size={size}
            autosize
            minRows={2}
            label={t('history.allergyOther')}
            {...register('allergies.other')}
            error={errors.allergies?.other?.message}
          />
        </Fieldset>

        <Fieldset legend={t('history.sections.medicines')}>
          <Stack gap={gap}>
            <Text size="sm" c="dimmed">
              {t('history.medicineHelp')}
            </Text>
            {medicines.fields.length === 0 ? (
              <Text size="sm">{t('history.noMedicines')}</Text>
            ) : null}
            {medicines.fields.map((line, i) => (
              <Stack key={line.id} gap={4}>
                <Group align="flex-start" wrap="nowrap">
                  <TextInput
                    flex={1}
                    size={size}
                    label={t('history.medicine', { n: i + 1 })}
                    {...register(`medicines.${i}.text`)}
                    error={errors.medicines?.[i]?.text?.message}
                  />
                  <DayAnswer
                    control={control}
                    name={`medicines.${i}.lastDose`}
                    size={size}
                    w={size === 'lg' ? 220 : 170}
                    label={t('history.lastDose', { n: i + 1 })}
                    error={errors.medicines?.[i]?.lastDose?.message}
                  />
                  <ActionIcon
                    mt={size === 'lg' ? 34 : 26}
                    size={size === 'lg' ? 'xl' : 'lg'}
                    variant="subtle"
                    color="red"
                    aria-label={t('history.removeMedicine', { n: i + 1 })}
                    onClick={() => medicines.remove(i)}
                  >
                    ×
                  </ActionIcon>
                </Group>
                <LineRecognition control={control} index={i} />
              </Stack>
            ))}
            {errors.medicines?.message ? (
              <Text c="red" size="sm">
                {errors.medicines.message}
              </Text>
            ) : null}
            <Button
              variant="light"
              size={size === 'lg' ? 'md' : 'xs'}
              w="fit-content"
              onClick={() => medicines.append({ text: '', lastDose: '' })}
            >
              {t('history.addMedicine')}
            </Button>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('history.sections.treatments')}>
          <Stack gap={gap}>
            {treatments.fields.length === 0 ? (
              <Text size="sm">{t('history.noTreatments')}</Text>
            ) : null}
            {treatments.fields.map((line, i) => (
              <Group key={line.id} align="flex-start" wrap="nowrap">
                <SimpleGrid cols={{ base: 1, sm: 4 }} flex={1}>
                  <TextInput
                    size={size}
                    label={t('history.treatmentKind', { n: i + 1 })}
                    {...register(`treatments.${i}.kind`)}
                    error={errors.treatments?.[i]?.kind?.message}
                  />
                  <TextInput
                    size={size}
                    label={t('history.treatmentArea', { n: i + 1 })}
                    {...register(`treatments.${i}.area`)}
                    error={errors.treatments?.[i]?.area?.message}
                  />
                  <TextInput
                    size={size}
                    label={t('history.treatmentProduct', { n: i + 1 })}
                    {...register(`treatments.${i}.product`)}
                    error={errors.treatments?.[i]?.product?.message}
                  />
                  <DayAnswer
                    control={control}
                    name={`treatments.${i}.date`}
                    size={size}
                    label={t('history.treatmentDate', { n: i + 1 })}
                    error={errors.treatments?.[i]?.date?.message}
                  />
                </SimpleGrid>
                <ActionIcon
                  mt={size === 'lg' ? 34 : 26}
                  size={size === 'lg' ? 'xl' : 'lg'}
                  variant="subtle"
                  color="red"
                  aria-label={t('history.removeTreatment', { n: i + 1 })}
                  onClick={() => treatments.remove(i)}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="light"
              size={size === 'lg' ? 'md' : 'xs'}
              w="fit-content"
              onClick={() => treatments.append({ kind: '', area: '', product: '', date: '' })}
            >
              {t('history.addTreatment')}
            </Button>
          </Stack>
        </Fieldset>

        <Fieldset legend={`${t('history.sections.skin')} · ${t('history.sections.habits')}`}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={gap}>
            <EnumSelect
              control={control}
              name="fitzpatrick"
              size={size}
              label={t('history.fitzpatrick')}
              values={fitzpatrickTypes}
              labelOf={(v) => t(`history.fitzpatrickTypes.${v}`)}
              error={errors.fitzpatrick?.message}
            />
            <EnumSelect
              control={control}
              name="glogau"
              size={size}
              label={t('history.glogau')}
              values={glogauClasses}
              labelOf={(v) => t(`history.glogauClasses.${v}`)}
              error={errors.glogau?.message}
            />
            <EnumSelect
              control={control}
              name="smoking"
              size={size}
              label={t('history.smoking')}
              values={smokingHabits}
              labelOf={(v) => t(`history.smokingHabits.${v}`)}
              error={errors.smoking?.message}
            />
            <EnumSelect
              control={control}
              name="alcohol"
              size={size}
              label={t('history.alcohol')}
              values={alcoholHabits}
              labelOf={(v) => t(`history.alcoholHabits.${v}`)}
              error={errors.alcohol?.message}
            />
          </SimpleGrid>
        </Fieldset>

        <FormError message={formError} />
        <Group>
          <Button type="submit" size={size === 'lg' ? 'xl' : 'sm'} loading={isSubmitting}>
            {submitLabel}
          </Button>
          <Button variant="default" size={size === 'lg' ? 'xl' : 'sm'} onClick={onCancel}>
            {cancelLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Server field paths start at the operation's input (`answers.medicines.0.text`). */
function stripAnswers(name: string): never {
  return name.replace(/^answers\./, '') as never;
}
