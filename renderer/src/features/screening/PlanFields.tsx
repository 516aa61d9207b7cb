import { Badge, Group, MultiSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../shared/api/products';
import { treatmentAreas, type Severity } from '../../../../shared/screening';
import type { CheckFormValues, FieldErrors } from './check-form';
import { severityColour } from './FindingsPanel';

/** Planned products and areas; each planned product shows what the allergy check says of it. */
export function PlanFields({
  control,
  products,
  productIds,
  productOutcomes,
  errors,
}: {
  control: Control<CheckFormValues>;
  products: readonly Product[];
  productIds: readonly string[];
  productOutcomes: Readonly<Record<string, Severity>>;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const names = new Map(products.map((p) => [p.id, p.name]));
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('screening.plan.title')}
        </Title>
        <Group align="flex-start" gap="md" grow>
          <Controller
            control={control}
            name="productIds"
            render={({ field }) => (
              <MultiSelect
                label={t('screening.plan.products')}
                data={products.map((p) => ({ value: p.id, label: p.name }))}
                value={field.value}
                onChange={field.onChange}
                searchable
                error={errors.productIds}
              />
            )}
          />
          <Controller
            control={control}
            name="areas"
            render={({ field }) => (
              <MultiSelect
                label={t('screening.plan.areas')}
                data={treatmentAreas.map((a) => ({ value: a, label: t(`treatmentAreas.${a}`) }))}
                value={field.value}
                onChange={(v) => field.onChange(v)}
                searchable
                error={errors.areas}
              />
            )}
          />
        </Group>
        {productIds.length > 0 ? (
          <Stack gap={4} role="list" aria-label={t('screening.plan.productStatus')}>
            {productIds.map((id) => {
              const outcome = productOutcomes[id];
              return (
                <Group key={id} gap="xs" role="listitem">
                  <Text
                    size="sm"
                    td={outcome === 'do-not-treat' ? 'line-through' : undefined}
                    c={outcome === 'do-not-treat' ? 'red' : undefined}
                  >
                    {names.get(id) ?? id}
                  </Text>
                  {outcome ? (
                    <Badge color={severityColour[outcome]} variant="filled" tt="none">
                      {t(`screening.plan.productOutcome.${outcome}`)}
                    </Badge>
                  ) : null}
                </Group>
              );
            })}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
