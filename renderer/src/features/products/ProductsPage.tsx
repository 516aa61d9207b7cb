import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { DayInput } from '../../ui/DayInput';
import { decimalInputProps } from '../../lib/locale-input';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  allergenFlags,
  lotCreateInput,
  productCategories,
  productCreateInput,
  type AllergenFlag,
  type Product,
  type ProductCategory,
} from '../../../../shared/api/products';
import type { StaffUser } from '../../../../shared/api/staff';
import { api, unwrap } from '../../lib/api';
import { formatDay, todayLocal } from '../../lib/dates';
import { applyServerError, numberOrNull } from '../../lib/forms';
import { productsKeys } from './queries';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

function FormAlert({ message }: { message: string | null }) {
  return message ? (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  ) : null;
}

function ProductForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [ingredients, setIngredients] = useState('');
  const form = useForm<z.input<typeof productCreateInput>>({
    resolver: zodResolver(productCreateInput),
    defaultValues: {
      name: '',
      manufacturer: '',
      category: 'vitamins',
      ingredients: [],
      allergens: [],
      defaultVolumeMl: null,
    },
  });
  useFieldMessagesFollowLanguage(form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await unwrap(api.products.create(values));
      await client.invalidateQueries({ queryKey: productsKeys.all });
      onDone();
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('products.add')}>
      <Stack gap="sm">
        <TextInput
          label={t('products.name')}
          required
          data-autofocus
          {...form.register('name')}
          error={errors.name?.message}
        />
        <TextInput
          label={t('products.manufacturer')}
          {...form.register('manufacturer')}
          error={errors.manufacturer?.message}
        />
        <Controller
          control={form.control}
          name="category"
          render={({ field }) => (
            <Select
              label={t('products.category')}
              required
              data={productCategories.map((c) => ({
                value: c,
                label: t(`products.categories.${c}`),
              }))}
              value={field.value}
              allowDeselect={false}
              onChange={(v) => v && field.onChange(v as ProductCategory)}
              error={errors.category?.message}
            />
          )}
        />
        <TextInput
          label={t('products.ingredients')}
          description={t('products.ingredientsHelp')}
          value={ingredients}
          onChange={(e) => {
            setIngredients(e.currentTarget.value);
            form.setValue(
              'ingredients',
              e.currentTarget.value
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            );
          }}
          error={errors.ingredients?.message ?? errors.ingredients?.[0]?.message}
        />
        <Controller
          control={form.control}
          name="allergens"
          render={({ field }) => (
            <MultiSelect
              label={t('products.allergens')}
              data={allergenFlags.map((a) => ({
                value: a,
                label: t(`products.allergenFlags.${a}`),
              }))}
              value={field.value}
              onChange={(v) => field.onChange(v as AllergenFlag[])}
            />
          )}
        />
        <Controller
          control={form.control}
          name="defaultVolumeMl"
          render={({ field }) => (
            <NumberInput
              label={t('products.defaultVolume')}
              value={field.value ?? ''}
              onChange={(v) => field.onChange(numberOrNull(v))}
              decimalScale={2}
              {...decimalInputProps()}
              suffix=" ml"
              error={errors.defaultVolumeMl?.message}
            />
          )}
        />
        <FormAlert message={formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('products.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function LotForm({ product, onDone }: { product: Product; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof lotCreateInput>>({
    resolver: zodResolver(lotCreateInput),
    defaultValues: {
      productId: product.id,
      lotNumber: '',
      expiresOn: '',
      receivedOn: todayLocal(),
    },
  });
  useFieldMessagesFollowLanguage(form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await unwrap(api.products.addLot(values));
      await client.invalidateQueries({ queryKey: productsKeys.all });
      onDone();
    } catch (error) {
      setFormError(applyServerError(error, form.setError));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('products.addLot')}>
      <Stack gap="sm">
        <TextInput
          dir="ltr"
          label={t('products.lotNumber')}
          required
          data-autofocus
          {...form.register('lotNumber')}
          error={errors.lotNumber?.message}
        />
        <Controller
          control={form.control}
          name="expiresOn"
          render={({ field }) => (
            <DayInput
              label={t('products.expiresOn')}
              required
              name={field.name}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.expiresOn?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="receivedOn"
          render={({ field }) => (
            <DayInput
              label={t('products.receivedOn')}
              required
              name={field.name}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.receivedOn?.message}
            />
          )}
        />
        <FormAlert message={formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('products.addLot')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The catalogue of products and their lots; admins keep it, everyone can read it. */
export function ProductsPage({ user }: { user: StaffUser }) {
  const { t } = useTranslation();
  const isAdmin = user.role === 'admin';
  const [adding, setAdding] = useState(false);
  const [lotFor, setLotFor] = useState<Product | null>(null);
  const products = useQuery({
    queryKey: productsKeys.catalogue,
    queryFn: () => unwrap(api.products.list({ includeInactive: true })),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('products.title')}</Title>
        {isAdmin ? <Button onClick={() => setAdding(true)}>{t('products.add')}</Button> : null}
      </Group>
      {products.error ? <FormAlert message={products.error.message} /> : null}
      {products.data?.length === 0 ? <Text c="dimmed">{t('products.empty')}</Text> : null}
      {(products.data ?? []).map((p) => (
        <Paper key={p.id} withBorder p="md" data-testid="product">
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Group gap="xs">
                <Title order={3} size="h4">
                  {p.name}
                </Title>
                <Badge variant="light">{t(`products.categories.${p.category}`)}</Badge>
                {!p.active ? <Badge color="gray">{t('products.retired')}</Badge> : null}
              </Group>
              <Text size="sm" c="dimmed">
                {[p.manufacturer, p.ingredients.join(', ')].filter(Boolean).join(' · ')}
              </Text>
              {p.allergens.length > 0 ? (
                <Group gap={4}>
                  {p.allergens.map((a) => (
                    <Badge key={a} size="xs" color="red" variant="outline">
                      {t(`products.allergenFlags.${a}`)}
                    </Badge>
                  ))}
                </Group>
              ) : null}
            </Stack>
            {isAdmin ? (
              <Button size="xs" variant="light" onClick={() => setLotFor(p)}>
                {t('products.addLotTo', { name: p.name })}
              </Button>
            ) : null}
          </Group>
          <Table mt="sm" aria-label={t('products.lotsOf', { name: p.name })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('products.lotNumber')}</Table.Th>
                <Table.Th>{t('products.expiresOn')}</Table.Th>
                <Table.Th>{t('products.receivedOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.lots.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>{l.lotNumber}</Table.Td>
                  <Table.Td>
                    {formatDay(l.expiresOn)}{' '}
                    {l.expired ? (
                      <Badge size="xs" color="red">
                        {t('products.expired')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{formatDay(l.receivedOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('products.add')}>
        <ProductForm onDone={() => setAdding(false)} />
      </Modal>
      <Modal
        opened={lotFor !== null}
        onClose={() => setLotFor(null)}
        title={t('products.addLotTo', { name: lotFor?.name ?? '' })}
      >
        {lotFor ? <LotForm product={lotFor} onDone={() => setLotFor(null)} /> : null}
      </Modal>
    </Stack>
  );
}
