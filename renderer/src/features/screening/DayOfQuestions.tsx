import {
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Controller, useFieldArray, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  skinAtSiteValues,
  treatmentAreas,
  type DayOfAnswers,
  type MedicineLine,
} from '../../../../shared/screening';
import { DateField, DatedQuestion, YesNo } from './answer-fields';
import type { CheckFormValues, FieldErrors } from './check-form';
import { medicineLabel } from './medicine-label';

interface Props {
  control: Control<CheckFormValues>;
  /** Medicine lines of the history, for the last-dose questions. */
  historyMedicines: readonly MedicineLine[];
  dayOf: DayOfAnswers;
  errors: FieldErrors;
  today: string;
  alcoholHours: number;
}

/**
 * Last dose of one blood-thinner line and who supplies it: the day's answers, the date defaulting
 * to the intake's. A self-medicated thinner within its hold period weighs more than a prescribed
 * one (which the practitioner never advises stopping), so the check asks.
 */
function LastDose({
  control,
  line,
  dayOf,
  errors,
  today,
}: Pick<Props, 'control' | 'dayOf' | 'errors' | 'today'> & { line: MedicineLine }) {
  const { t } = useTranslation();
  const index = dayOf.lastDoses.findIndex((d) => d.lineId === line.id);
  const entry = index >= 0 ? dayOf.lastDoses[index] : undefined;
  const current = entry ? entry.lastDose : line.lastDose;
  const supply = entry?.supply ?? null;
  const at = index >= 0 ? index : dayOf.lastDoses.length;
  return (
    <Controller
      control={control}
      name="dayOf.lastDoses"
      render={({ field }) => {
        const save = (patch: { lastDose?: string | null; supply?: typeof supply }) => {
          const others = field.value.filter((d) => d.lineId !== line.id);
          field.onChange([...others, { lineId: line.id, lastDose: current, supply, ...patch }]);
        };
        return (
          <Group align="flex-start" gap="md">
            <DateField
              label={t('screening.dayOf.lastDoseOf', { line: line.text })}
              value={current}
              max={today}
              error={errors[`dayOf.lastDoses.${at}.lastDose`]}
              onChange={(lastDose) => save({ lastDose })}
            />
            <Radio.Group
              label={t('screening.dayOf.supplyOf', { line: line.text })}
              value={supply ?? 'not-asked'}
              onChange={(v) =>
                save({ supply: v === 'prescribed' || v === 'self-medicated' ? v : null })
              }
            >
              <Group gap="sm" mt={6}>
                <Radio value="prescribed" label={t('screening.dayOf.supplyPrescribed')} />
                <Radio value="self-medicated" label={t('screening.dayOf.supplySelf')} />
                <Radio value="not-asked" label={t('screening.dayOf.supplyNotAsked')} />
              </Group>
            </Radio.Group>
          </Group>
        );
      }}
    />
  );
}

function NewMedicines({
  control,
  dayOf,
  errors,
  today,
}: Omit<Props, 'historyMedicines' | 'alcoholHours'>) {
  const { t } = useTranslation();
  const lines = useFieldArray({ control, name: 'dayOf.newMedicines' });
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        {t('screening.dayOf.newMedicines')}
      </Text>
      {lines.fields.map((line, i) => {
        const value = dayOf.newMedicines[i];
        const label = value ? medicineLabel(value.text, t) : null;
        return (
          <Group key={line.id} align="flex-end" gap="sm" wrap="wrap">
            <Controller
              control={control}
              name={`dayOf.newMedicines.${i}.text`}
              render={({ field }) => (
                <TextInput
                  label={t('screening.dayOf.newMedicineLine', { n: i + 1 })}
                  {...field}
                  error={errors[`dayOf.newMedicines.${i}.text`]}
                  w={260}
                />
              )}
            />
            <Controller
              control={control}
              name={`dayOf.newMedicines.${i}.lastDose`}
              render={({ field }) => (
                <DateField
                  label={t('screening.dayOf.newMedicineLastDose', { n: i + 1 })}
                  value={field.value}
                  max={today}
                  onChange={field.onChange}
                  error={errors[`dayOf.newMedicines.${i}.lastDose`]}
                />
              )}
            />
            <Controller
              control={control}
              name={`dayOf.newMedicines.${i}.prescribed`}
              render={({ field }) => (
                <Checkbox
                  label={t('screening.dayOf.prescribed')}
                  checked={field.value === true}
                  onChange={(e) => field.onChange(e.currentTarget.checked)}
                  mb={8}
                />
              )}
            />
            <Button
              variant="subtle"
              color="red"
              onClick={() => lines.remove(i)}
              aria-label={t('screening.dayOf.removeMedicine', { n: i + 1 })}
            >
              {t('screening.dayOf.remove')}
            </Button>
            {label ? (
              <Badge color={label.colour} variant="light" tt="none" mb={8}>
                {label.text}
              </Badge>
            ) : null}
          </Group>
        );
      })}
      <Button
        variant="light"
        w="fit-content"
        onClick={() =>
          lines.append({ id: `new-${Date.now()}`, text: '', lastDose: null, prescribed: null })
        }
      >
        {t('screening.dayOf.addMedicine')}
      </Button>
    </Stack>
  );
}

/** The questions asked on the day (clinical reference, section 1). */
export function DayOfQuestions(props: Props) {
  const { t } = useTranslation();
  const { control, dayOf, errors, today, historyMedicines, alcoholHours } = props;
  const riskLines = [...historyMedicines, ...dayOf.newMedicines].filter(
    (m) => medicineLabel(m.text, t)?.status === 'risk',
  );
  const areaData = treatmentAreas.map((a) => ({ value: a, label: t(`treatmentAreas.${a}`) }));
  const surgery = dayOf.surgerySinceIntake[0];
  const procedure = dayOf.recentAreaProcedures[0];
  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Title order={3} size="h4">
          {t('screening.dayOf.title')}
        </Title>
        {riskLines.length > 0 ? (
          <Stack gap="xs">
            <Text fw={500} size="sm">
              {t('screening.dayOf.lastDoses')}
            </Text>
            <Group gap="md" align="flex-end">
              {riskLines.map((line) => (
                <LastDose key={line.id} {...props} line={line} />
              ))}
            </Group>
          </Stack>
        ) : null}
        <Controller
          control={control}
          name="dayOf.hoursSinceAlcohol"
          render={({ field }) => (
            <Group align="flex-end" gap="md">
              <Radio.Group
                label={t('screening.dayOf.alcohol', { hours: alcoholHours })}
                value={field.value === null ? '' : field.value === 'not-recently' ? 'no' : 'yes'}
                onChange={(v) => field.onChange(v === 'no' ? 'not-recently' : 0)}
              >
                <Group gap="md" mt={4}>
                  <Radio value="no" label={t('screening.answers.no')} />
                  <Radio value="yes" label={t('screening.answers.yes')} />
                </Group>
              </Radio.Group>
              {typeof field.value === 'number' ? (
                <NumberInput
                  label={t('screening.dayOf.hoursSinceAlcohol')}
                  value={field.value}
                  onChange={(v) => field.onChange(typeof v === 'number' ? v : null)}
                  allowDecimal={false}
                  error={errors['dayOf.hoursSinceAlcohol']}
                  w={200}
                />
              ) : null}
            </Group>
          )}
        />
        <Controller
          control={control}
          name="dayOf.pregnantNow"
          render={({ field }) => (
            <Radio.Group
              label={t('screening.dayOf.pregnant')}
              value={field.value ?? ''}
              onChange={field.onChange}
              error={errors['dayOf.pregnantNow']}
            >
              <Group gap="md" mt={4}>
                <Radio value="no" label={t('screening.answers.no')} />
                <Radio value="yes" label={t('screening.answers.yes')} />
                <Radio value="unsure" label={t('screening.answers.unsure')} />
              </Group>
            </Radio.Group>
          )}
        />
        <Controller
          control={control}
          name="dayOf.breastfeedingNow"
          render={({ field }) => (
            <YesNo
              label={t('screening.dayOf.breastfeeding')}
              value={field.value}
              onChange={field.onChange}
            />
          )}
        />
        <Controller
          control={control}
          name="dayOf.skinAtSite"
          render={({ field }) => (
            <Radio.Group
              label={t('screening.dayOf.skin')}
              value={field.value ?? ''}
              onChange={field.onChange}
            >
              <Group gap="md" mt={4}>
                {skinAtSiteValues.map((v) => (
                  <Radio key={v} value={v} label={t(`screening.skin.${v}`)} />
                ))}
              </Group>
            </Radio.Group>
          )}
        />
        <Controller
          control={control}
          name="dayOf.feverOrIllness"
          render={({ field }) => (
            <YesNo
              label={t('screening.dayOf.fever')}
              value={field.value}
              onChange={field.onChange}
            />
          )}
        />
        <Controller
          control={control}
          name="dayOf.vaccination"
          render={({ field }) => (
            <DatedQuestion
              label={t('screening.dayOf.vaccination')}
              dateLabel={t('screening.dayOf.vaccinationDate')}
              value={field.value}
              onChange={field.onChange}
              errors={errors}
              path="dayOf.vaccination"
              today={today}
            />
          )}
        />
        <Controller
          control={control}
          name="dayOf.antibiotics"
          render={({ field }) => (
            <DatedQuestion
              label={t('screening.dayOf.antibiotics')}
              dateLabel={t('screening.dayOf.antibioticsDate')}
              value={field.value}
              onChange={field.onChange}
              errors={errors}
              path="dayOf.antibiotics"
              today={today}
            />
          )}
        />
        <Controller
          control={control}
          name="dayOf.surgerySinceIntake"
          render={({ field }) => (
            <Group align="flex-end" gap="md">
              <YesNo
                label={t('screening.dayOf.surgery')}
                value={surgery ? true : false}
                onChange={(yes) => field.onChange(yes ? [{ date: null, areas: [] }] : [])}
              />
              {surgery ? (
                <>
                  <DateField
                    label={t('screening.dayOf.surgeryDate')}
                    value={surgery.date}
                    max={today}
                    onChange={(date) => field.onChange([{ ...surgery, date }])}
                    error={errors['dayOf.surgerySinceIntake.0.date']}
                  />
                  <MultiSelect
                    label={t('screening.dayOf.surgeryAreas')}
                    data={areaData}
                    value={surgery.areas}
                    onChange={(v) =>
                      field.onChange([{ ...surgery, areas: v as typeof surgery.areas }])
                    }
                    w={280}
                  />
                </>
              ) : null}
            </Group>
          )}
        />
        <Controller
          control={control}
          name="dayOf.recentAreaProcedures"
          render={({ field }) => (
            <Group align="flex-end" gap="md">
              <YesNo
                label={t('screening.dayOf.procedure')}
                value={procedure ? true : false}
                onChange={(yes) => field.onChange(yes ? [{ kind: 'laser', date: null }] : [])}
              />
              {procedure ? (
                <>
                  <Select
                    label={t('screening.dayOf.procedureKind')}
                    data={(['laser', 'peel', 'surgery', 'other'] as const).map((k) => ({
                      value: k,
                      label: t(`screening.procedureKinds.${k}`),
                    }))}
                    value={procedure.kind}
                    allowDeselect={false}
                    onChange={(v) =>
                      field.onChange([{ ...procedure, kind: v as typeof procedure.kind }])
                    }
                    w={160}
                  />
                  <DateField
                    label={t('screening.dayOf.procedureDate')}
                    value={procedure.date}
                    max={today}
                    onChange={(date) => field.onChange([{ ...procedure, date }])}
                    error={errors['dayOf.recentAreaProcedures.0.date']}
                  />
                </>
              ) : null}
            </Group>
          )}
        />
        <NewMedicines control={control} dayOf={dayOf} errors={errors} today={today} />
      </Stack>
    </Paper>
  );
}
