import {
  ActionIcon,
  Autocomplete,
  Badge,
  Button,
  Group,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Controller, useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SessionDraftFields } from '../../../../shared/api/sessions';
import type { SubstanceSource } from '../../../../shared/screening/substance-check';
import { api, unwrap } from '../../lib/api';
import { findingText, screeningKeys, severityColour } from '../screening';
import type { SubstanceVerdict } from './use-substance-verdicts';

/**
 * The allergy verdicts of one kind of line (products, anaesthesia, additions), shown right under
 * the field they belong to: each match names the allergen and the substance at once.
 */
export function SubstanceVerdicts({
  verdicts,
  source,
  overridden,
}: {
  verdicts: SubstanceVerdict[];
  source: SubstanceSource;
  overridden: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const flagged = verdicts.filter((v) => v.source === source && v.severity !== 'clear');
  if (flagged.length === 0) return null;
  return (
    <Stack gap={4} role="list" aria-label={t(`substances.verdicts.${source}`)}>
      {flagged.map((v) => (
        <Group key={v.key} gap={6} role="listitem" wrap="nowrap" data-testid="substance-verdict">
          <Badge
            color={severityColour[v.severity]}
            variant="filled"
            tt="none"
            style={{ flexShrink: 0 }}
          >
            {v.severity === 'do-not-treat'
              ? t('substances.doNotUse', { name: v.name })
              : t('substances.caution', { name: v.name })}
          </Badge>
          <Text size="sm" c={v.severity === 'do-not-treat' ? 'red.8' : undefined}>
            {v.findings[0] ? findingText(v.findings[0]) : null}
            {overridden.has(v.key) ? ` ${t('substances.overridden')}` : ''}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** Named anaesthetics, or substances added during the session: from the clinic list or typed. */
export function SubstanceLines({
  form,
  name,
}: {
  form: UseFormReturn<SessionDraftFields>;
  name: 'anaesthetics' | 'additions';
}) {
  const { t } = useTranslation();
  const settings = useQuery({
    queryKey: screeningKeys.settings,
    queryFn: () => unwrap(api.screening.settings({})),
  });
  const preparations = settings.data?.substances.preparations ?? [];
  const lines = useFieldArray({ control: form.control, name });
  const { errors } = form.formState;
  return (
    <Stack gap="xs">
      {lines.fields.map((field, i) => (
        <Group key={field.id} align="flex-end" gap="xs">
          <Controller
            control={form.control}
            name={`${name}.${i}`}
            render={({ field: f }) => {
              const value = f.value ?? { preparationId: null, name: '', ingredients: [] };
              return (
                <>
                  <Autocomplete
                    label={t(`substances.${name}.line`, { n: i + 1 })}
                    data={preparations.map((p) => p.name)}
                    value={value.name}
                    onChange={(v) => {
                      const chosen = preparations.find((p) => p.name === v);
                      f.onChange({
                        preparationId: chosen?.id ?? null,
                        name: v,
                        ingredients: chosen ? [] : value.ingredients,
                      });
                    }}
                    error={errors[name]?.[i]?.name?.message}
                    w={260}
                  />
                  {value.preparationId === null ? (
                    <TextInput
                      label={t('substances.ingredients', { n: i + 1 })}
                      description={t('substances.ingredientsHelp')}
                      value={value.ingredients.join(', ')}
                      onChange={(e) =>
                        f.onChange({
                          ...value,
                          ingredients: e.currentTarget.value
                            .split(',')
                            .map((s) => s.trim())
                            .filter((s) => s !== ''),
                        })
                      }
                      w={280}
                    />
                  ) : null}
                </>
              );
            }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t(`substances.${name}.remove`, { n: i + 1 })}
            onClick={() => lines.remove(i)}
            mb={4}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          onClick={() => lines.append({ preparationId: null, name: '', ingredients: [] })}
        >
          {t(`substances.${name}.add`)}
        </Button>
      </Group>
    </Stack>
  );
}
