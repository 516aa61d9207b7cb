import { Checkbox, Group, NumberInput, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import {
  Controller,
  useWatch,
  type UseFieldArrayReturn,
  type UseFormReturn,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { decimalInputProps } from '../../lib/locale-input';
import type { SessionDraftFields } from '../../../../shared/api/sessions';
import { treatmentAreas, type TreatmentArea } from '../../../../shared/sessions/treatment-terms';
import { numberOrNull } from '../../lib/forms';
import { BodyDiagram } from './BodyDiagram';

/** The areas treated, chosen on the diagram or in the list, each with its depth. */
export function AreasSection({
  form,
  areaArray,
  onToggle: toggleArea,
}: {
  form: UseFormReturn<SessionDraftFields>;
  areaArray: UseFieldArrayReturn<SessionDraftFields, 'areas'>;
  onToggle: (area: TreatmentArea) => void;
}) {
  const { t } = useTranslation();
  const areas = useWatch({ control: form.control, name: 'areas' });
  const chosen = areas.map((a) => a.area);
  const { errors } = form.formState;
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        {t('sessions.areasTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sessions.areasHelp')}
      </Text>
      <Group align="flex-start" gap="xl">
        <BodyDiagram selected={chosen} onToggle={toggleArea} />
        <Checkbox.Group
          label={t('sessions.areaList')}
          value={chosen}
          error={errors.areas?.message ?? errors.areas?.root?.message}
        >
          <SimpleGrid cols={2} spacing={6} mt={6}>
            {treatmentAreas.map((area) => (
              <Checkbox
                key={area}
                value={area}
                label={t(`treatmentAreas.${area}`)}
                onChange={() => toggleArea(area)}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      </Group>
      {areaArray.fields.length > 0 ? (
        <Group mt="md" gap="sm">
          {areaArray.fields.map((field, i) => (
            <Controller
              key={field.id}
              control={form.control}
              name={`areas.${i}.depthMm`}
              render={({ field: f }) => (
                <NumberInput
                  label={t('sessions.depthFor', {
                    area: t(`treatmentAreas.${areas[i]?.area ?? field.area}`),
                  })}
                  value={f.value ?? ''}
                  onChange={(v) => f.onChange(numberOrNull(v))}
                  decimalScale={2}
                  {...decimalInputProps()}
                  step={0.5}
                  suffix=" mm"
                  description={t('sessions.depthRange')}
                  error={errors.areas?.[i]?.depthMm?.message}
                  w={170}
                />
              )}
            />
          ))}
        </Group>
      ) : null}
    </Paper>
  );
}
