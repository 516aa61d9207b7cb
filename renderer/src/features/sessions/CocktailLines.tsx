import { ActionIcon, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { Controller, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../shared/api/products';
import type { SessionDraftFields } from '../../../../shared/api/sessions';
import { formatDay, formatNumber } from '../../lib/dates';
import { MillilitreInput } from './MillilitreInput';

type Form = UseFormReturn<SessionDraftFields>;

/** Hundredths, so that 0.1 + 0.2 shows as 0.3 ml. */
const sum = (values: (number | null | undefined)[]) =>
  Math.round(values.reduce<number>((s, v) => s + (v ?? 0) * 100, 0)) / 100;

/** The products drawn into one syringe: product, lot and the volume drawn of each. */
function Components({ form, index, products }: { form: Form; index: number; products: Product[] }) {
  const { t } = useTranslation();
  const name = `cocktails.${index}.components` as const;
  const { fields, append, remove } = useFieldArray({ control: form.control, name });
  const lines = useWatch({ control: form.control, name }) ?? [];
  const errors = form.formState.errors.cocktails?.[index]?.components;
  const productOptions = products
    .filter((p) => p.active || lines.some((l) => l.productId === p.id))
    .map((p) => ({ value: p.id, label: p.name }));
  const s = index + 1;
  return (
    <Stack gap={4}>
      {fields.map((field, j) => {
        const product = products.find((p) => p.id === lines[j]?.productId);
        const lotOptions = (product?.lots ?? []).map((lot) => ({
          value: lot.id,
          label: lot.expired
            ? t('sessions.lotExpiredOption', { lot: lot.lotNumber, date: formatDay(lot.expiresOn) })
            : t('sessions.lotOption', { lot: lot.lotNumber, date: formatDay(lot.expiresOn) }),
          disabled: lot.expired,
        }));
        const n = j + 1;
        return (
          <Group key={field.id} gap="xs" align="flex-start" wrap="nowrap">
            <Controller
              control={form.control}
              name={`${name}.${j}.productId`}
              render={({ field: f }) => (
                <Select
                  label={t('cocktails.product', { s, n })}
                  data={productOptions}
                  value={f.value || null}
                  searchable
                  onChange={(v) => {
                    f.onChange(v ?? '');
                    const lot = products.find((p) => p.id === v)?.lots.find((l) => !l.expired);
                    form.setValue(`${name}.${j}.lotId`, lot?.id ?? '', { shouldDirty: true });
                  }}
                  error={errors?.[j]?.productId?.message}
                  w={210}
                />
              )}
            />
            <Controller
              control={form.control}
              name={`${name}.${j}.lotId`}
              render={({ field: f }) => (
                <Select
                  label={t('cocktails.lot', { s, n })}
                  data={lotOptions}
                  value={f.value || null}
                  onChange={(v) => f.onChange(v ?? '')}
                  nothingFoundMessage={t('sessions.noLots')}
                  error={errors?.[j]?.lotId?.message}
                  disabled={!product}
                  w={250}
                />
              )}
            />
            <Controller
              control={form.control}
              name={`${name}.${j}.volumeMl`}
              render={({ field: f }) => (
                <MillilitreInput
                  label={t('cocktails.drawn', { s, n })}
                  value={f.value}
                  onChange={f.onChange}
                  error={errors?.[j]?.volumeMl?.message}
                  w={130}
                />
              )}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={26}
              aria-label={t('cocktails.removeProduct', { s, n })}
              onClick={() => remove(j)}
            >
              ×
            </ActionIcon>
          </Group>
        );
      })}
      {errors?.message || errors?.root?.message ? (
        <Text size="sm" c="red" role="alert">
          {errors.message ?? errors.root?.message}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="subtle"
          size="xs"
          onClick={() => append({ productId: '', lotId: '', volumeMl: null })}
        >
          {t('cocktails.addProduct', { s })}
        </Button>
      </Group>
    </Stack>
  );
}

/** How the syringe's volume was spread over the areas treated. */
function Spread({ form, index }: { form: Form; index: number }) {
  const { t } = useTranslation();
  const name = `cocktails.${index}.areas` as const;
  const { fields, append, remove } = useFieldArray({ control: form.control, name });
  const spread = useWatch({ control: form.control, name }) ?? [];
  const treated = useWatch({ control: form.control, name: 'areas' });
  const errors = form.formState.errors.cocktails?.[index]?.areas;
  const missing = treated.filter((a) => !spread.some((x) => x.area === a.area));
  const s = index + 1;
  return (
    <Stack gap={4}>
      <Group gap="xs" align="flex-start">
        {fields.map((field, j) => (
          <Group key={field.id} gap={2} align="flex-start" wrap="nowrap">
            <Controller
              control={form.control}
              name={`${name}.${j}.volumeMl`}
              render={({ field: f }) => (
                <MillilitreInput
                  label={t('cocktails.areaVolume', {
                    s,
                    area: t(`treatmentAreas.${spread[j]?.area ?? field.area}`),
                  })}
                  value={f.value}
                  onChange={f.onChange}
                  error={errors?.[j]?.volumeMl?.message ?? errors?.[j]?.area?.message}
                  w={150}
                />
              )}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={26}
              aria-label={t('cocktails.removeArea', {
                s,
                area: t(`treatmentAreas.${spread[j]?.area ?? field.area}`),
              })}
              onClick={() => remove(j)}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
      </Group>
      {errors?.message || errors?.root?.message ? (
        <Text size="sm" c="red" role="alert">
          {errors.message ?? errors.root?.message}
        </Text>
      ) : null}
      {missing.length > 0 ? (
        <Group gap="xs">
          {missing.map((a) => (
            <Button
              key={a.area}
              variant="subtle"
              size="xs"
              onClick={() => append({ area: a.area, volumeMl: null })}
            >
              {t('cocktails.addArea', { s, area: t(`treatmentAreas.${a.area}`) })}
            </Button>
          ))}
        </Group>
      ) : null}
    </Stack>
  );
}

/**
 * Syringes as prepared: several products in one syringe with one total volume, spread over the
 * areas. What has been drawn and what has been spread are added up as the practitioner types.
 */
export function CocktailLines({ form, products }: { form: Form; products: Product[] }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'cocktails' });
  const cocktails = useWatch({ control: form.control, name: 'cocktails' }) ?? [];
  const treated = useWatch({ control: form.control, name: 'areas' });
  const errors = form.formState.errors.cocktails;
  return (
    <Stack gap="sm">
      {fields.map((field, i) => {
        const c = cocktails[i];
        const s = i + 1;
        return (
          <Paper key={field.id} withBorder p="sm" data-testid="cocktail">
            <Stack gap="xs">
              <Group gap="xs" align="flex-start">
                <TextInput
                  label={t('cocktails.label', { s })}
                  placeholder={t('cocktails.labelPlaceholder')}
                  {...form.register(`cocktails.${i}.label`)}
                  error={errors?.[i]?.label?.message}
                  w={210}
                />
                <Controller
                  control={form.control}
                  name={`cocktails.${i}.totalVolumeMl`}
                  render={({ field: f }) => (
                    <MillilitreInput
                      label={t('cocktails.total', { s })}
                      value={f.value}
                      onChange={f.onChange}
                      step={0.5}
                      error={errors?.[i]?.totalVolumeMl?.message}
                      w={150}
                    />
                  )}
                />
                <Text size="sm" mt={30} data-testid="cocktail-sums">
                  {t('cocktails.sums', {
                    // In the screens' language: "1,5" in French and Turkish, as the fields type it.
                    drawn: formatNumber(sum((c?.components ?? []).map((p) => p.volumeMl))),
                    spread: formatNumber(sum((c?.areas ?? []).map((a) => a.volumeMl))),
                  })}
                </Text>
                <Button variant="subtle" color="red" size="xs" mt={28} onClick={() => remove(i)}>
                  {t('cocktails.remove', { s })}
                </Button>
              </Group>
              <Components form={form} index={i} products={products} />
              <Spread form={form} index={i} />
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button
          variant="light"
          size="xs"
          disabled={treated.length === 0}
          onClick={() =>
            append({
              label: '',
              totalVolumeMl: null,
              components: [{ productId: '', lotId: '', volumeMl: null }],
              areas: treated.map((a) => ({ area: a.area, volumeMl: null })),
            })
          }
        >
          {t('cocktails.add')}
        </Button>
      </Group>
    </Stack>
  );
}
