import { ActionIcon, Button, Group, Select, Stack, Text } from '@mantine/core';
import { Controller, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../shared/api/products';
import type { SessionDraftFields } from '../../../../shared/api/sessions';
import { formatDay } from '../../lib/dates';
import { MillilitreInput } from './MillilitreInput';

/** The product lines of a session: area, product, lot (never a bare product) and volume. */
export function ProductLines({
  form,
  products,
}: {
  form: UseFormReturn<SessionDraftFields>;
  products: Product[];
}) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'products' });
  const areas = useWatch({ control: form.control, name: 'areas' });
  const lines = useWatch({ control: form.control, name: 'products' });
  const { errors } = form.formState;
  const areaOptions = areas.map((a) => ({ value: a.area, label: t(`treatmentAreas.${a.area}`) }));
  const productOptions = products
    .filter((p) => p.active || lines.some((l) => l.productId === p.id))
    .map((p) => ({ value: p.id, label: p.name }));

  return (
    <Stack gap="xs">
      {fields.map((field, i) => {
        const product = products.find((p) => p.id === lines[i]?.productId);
        const lotOptions = (product?.lots ?? []).map((lot) => ({
          value: lot.id,
          label: lot.expired
            ? t('sessions.lotExpiredOption', { lot: lot.lotNumber, date: formatDay(lot.expiresOn) })
            : t('sessions.lotOption', { lot: lot.lotNumber, date: formatDay(lot.expiresOn) }),
          disabled: lot.expired,
        }));
        const lineErrors = errors.products?.[i];
        const n = i + 1;
        return (
          <Group key={field.id} align="flex-start" gap="xs" wrap="nowrap">
            <Controller
              control={form.control}
              name={`products.${i}.area`}
              render={({ field: f }) => (
                <Select
                  label={t('sessions.lineArea', { n })}
                  data={areaOptions}
                  value={f.value}
                  onChange={(v) => v && f.onChange(v)}
                  allowDeselect={false}
                  error={lineErrors?.area?.message}
                  w={150}
                />
              )}
            />
            <Controller
              control={form.control}
              name={`products.${i}.productId`}
              render={({ field: f }) => (
                <Select
                  label={t('sessions.lineProduct', { n })}
                  data={productOptions}
                  value={f.value || null}
                  searchable
                  onChange={(v) => {
                    f.onChange(v ?? '');
                    // A lot belongs to one product: a changed product needs its own lot.
                    const firstUsable = products
                      .find((p) => p.id === v)
                      ?.lots.find((l) => !l.expired);
                    form.setValue(`products.${i}.lotId`, firstUsable?.id ?? '', {
                      shouldDirty: true,
                    });
                  }}
                  error={lineErrors?.productId?.message}
                  w={210}
                />
              )}
            />
            <Controller
              control={form.control}
              name={`products.${i}.lotId`}
              render={({ field: f }) => (
                <Select
                  label={t('sessions.lineLot', { n })}
                  data={lotOptions}
                  value={f.value || null}
                  onChange={(v) => f.onChange(v ?? '')}
                  nothingFoundMessage={t('sessions.noLots')}
                  error={lineErrors?.lotId?.message}
                  disabled={!product}
                  w={270}
                />
              )}
            />
            <Controller
              control={form.control}
              name={`products.${i}.volumeMl`}
              render={({ field: f }) => (
                <MillilitreInput
                  label={t('sessions.lineVolume', { n })}
                  value={f.value}
                  onChange={f.onChange}
                  error={lineErrors?.volumeMl?.message}
                  w={120}
                />
              )}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={26}
              aria-label={t('sessions.removeLine', { n })}
              onClick={() => remove(i)}
            >
              ×
            </ActionIcon>
          </Group>
        );
      })}
      {lines.some((l) =>
        products.find((p) => p.id === l.productId)?.lots.some((x) => x.expired),
      ) ? (
        <Text size="xs" c="dimmed">
          {t('sessions.expiredHidden')}
        </Text>
      ) : null}
      {fields.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('sessions.noLines')}
        </Text>
      ) : null}
      {errors.products?.message ? (
        <Text size="sm" c="red">
          {errors.products.message}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="light"
          size="xs"
          disabled={areas.length === 0}
          onClick={() =>
            append({
              area: areas[0]?.area ?? 'cheeks',
              productId: '',
              lotId: '',
              volumeMl: null,
            })
          }
        >
          {t('sessions.addLine')}
        </Button>
        {areas.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('sessions.chooseAreaFirst')}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}
