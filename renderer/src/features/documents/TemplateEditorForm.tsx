import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { templateSaveInput } from '../../../../shared/api/documents';
import { findTemplateProblems } from '../../../../shared/documents/check-template';
import { knownPlaceholders } from '../../../../shared/documents/placeholders';
import {
  requiredItemIds,
  requiredSectionIds,
} from '../../../../shared/documents/template-requirements';
import {
  durationUnits,
  type AftercareItem,
  type DocumentTemplate,
  type TemplateSection,
} from '../../../../shared/documents/template-schema';
import { ApiFailure, api, unwrap } from '../../lib/api';
import { documentsKeys } from './queries';
import { FormError } from '../../ui/FormError';

interface EditorValues {
  language: string;
  title: string;
  sections: TemplateSection[];
  items: AftercareItem[];
}

/**
 * Edits one template: headings and text of each section, aftercare items with their durations.
 * Problems (a missing required section, an unknown placeholder) are shown next to the field they
 * concern, checked here with the same rules the main process applies when it saves.
 */
export function TemplateEditorForm({
  template,
  baseVersion,
  latestVersionOf,
}: {
  template: DocumentTemplate;
  /** The latest stored version of the template being edited. */
  baseVersion: number;
  /** The latest version stored for another language, null if none. */
  latestVersionOf: (language: string) => number | null;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<EditorValues>({
    defaultValues: {
      language: template.language,
      title: template.title,
      sections: template.sections,
      items: template.kind === 'aftercare' ? template.items : [],
    },
  });
  const sections = useFieldArray({ control: form.control, name: 'sections', keyName: 'key' });
  const items = useFieldArray({ control: form.control, name: 'items', keyName: 'key' });
  const requiredSections = requiredSectionIds(template.kind);
  const requiredItems = requiredItemIds(template.kind);
  const { isSubmitting } = form.formState;
  const sectionValues = useWatch({ control: form.control, name: 'sections' });

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const language = values.language.trim();
    const base = language === template.language ? baseVersion : latestVersionOf(language);
    const body =
      template.kind === 'consent'
        ? {
            kind: 'consent' as const,
            procedureKind: template.procedureKind,
            language,
            title: values.title,
            sections: values.sections,
            baseVersion: base,
          }
        : {
            kind: 'aftercare' as const,
            language,
            title: values.title,
            sections: values.sections,
            items: values.items,
            baseVersion: base,
          };
    const parsed = templateSaveInput.safeParse(body);
    const found: Record<string, string> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) found[issue.path.join('.')] ??= issue.message;
    } else {
      const checked = findTemplateProblems({ ...parsed.data, version: 1 });
      Object.assign(found, checked.fields);
    }
    setProblems(found);
    if (Object.keys(found).length > 0 || !parsed.success) {
      setFormError(t('templates.problems'));
      return;
    }
    try {
      const saved = await unwrap(api.documents.saveTemplate(parsed.data));
      await client.invalidateQueries({ queryKey: documentsKeys.templates });
      notifications.show({
        message: t('templates.saved', { version: saved.version }),
        color: 'teal',
      });
    } catch (error) {
      if (error instanceof ApiFailure) {
        setProblems(error.fieldMessages());
        setFormError(error.message);
      } else setFormError(String(error));
    }
  });

  const placeholderList = (scope: 'section' | 'item') =>
    knownPlaceholders(template.kind, scope)
      .map((p) => `{{${p}}}`)
      .join(' ');

  return (
    <form onSubmit={submit} noValidate aria-label={template.title}>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput
            label={t('templates.templateTitle')}
            {...form.register('title')}
            error={problems['title']}
          />
          <TextInput
            label={t('templates.language')}
            description={t('templates.languageHelp')}
            {...form.register('language')}
            error={problems['language']}
            maw={220}
          />
        </Group>
        <Text size="xs" c="dimmed">
          {t('templates.placeholders', { list: placeholderList('section') })}
        </Text>
        <Title order={4} size="h5">
          {t('templates.sections')}
        </Title>
        {problems['sections'] ? (
          <Alert color="red" role="alert" py={6}>
            {problems['sections']}
          </Alert>
        ) : null}
        {sections.fields.map((section, i) => {
          const id = sectionValues[i]?.id ?? section.id;
          const required = requiredSections.includes(section.id);
          return (
            <Paper key={section.key} withBorder p="sm">
              <Stack gap={6}>
                <Group justify="space-between">
                  <Text size="sm" fw={600}>
                    {t('templates.section', { id })}
                    {required ? ` · ${t('templates.required')}` : ''}
                  </Text>
                  {required ? null : (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => sections.remove(i)}
                    >
                      {t('templates.removeSection', { id })}
                    </Button>
                  )}
                </Group>
                {required ? null : (
                  <TextInput
                    label={t('templates.newId')}
                    {...form.register(`sections.${i}.id`)}
                    error={problems[`sections.${i}.id`]}
                    maw={280}
                  />
                )}
                <TextInput
                  label={t('templates.sectionTitle', { id })}
                  {...form.register(`sections.${i}.title`)}
                  error={problems[`sections.${i}.title`]}
                />
                <Textarea
                  label={t('templates.sectionBody', { id })}
                  autosize
                  minRows={2}
                  maxRows={12}
                  {...form.register(`sections.${i}.body`)}
                  error={problems[`sections.${i}.body`]}
                />
                <Controller
                  control={form.control}
                  name={`sections.${i}.choice`}
                  render={({ field }) => (
                    <Checkbox
                      label={t('templates.choice')}
                      checked={field.value ?? false}
                      onChange={(e) => field.onChange(e.currentTarget.checked || undefined)}
                    />
                  )}
                />
              </Stack>
            </Paper>
          );
        })}
        <Button
          variant="default"
          w="fit-content"
          onClick={() =>
            sections.append({
              id: `custom-${sections.fields.length + 1}`,
              title: '',
              body: '',
            })
          }
        >
          {t('templates.addSection')}
        </Button>
        {template.kind === 'aftercare' ? (
          <>
            <Title order={4} size="h5">
              {t('templates.items')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('templates.placeholders', { list: placeholderList('item') })}
            </Text>
            {problems['items'] ? (
              <Alert color="red" role="alert" py={6}>
                {problems['items']}
              </Alert>
            ) : null}
            {items.fields.map((item, i) => (
              <ItemFields
                key={item.key}
                index={i}
                form={form}
                problems={problems}
                required={requiredItems.includes(item.id)}
                onRemove={() => items.remove(i)}
              />
            ))}
            <Button
              variant="default"
              w="fit-content"
              onClick={() =>
                items.append({ id: `custom-${items.fields.length + 1}`, text: '', duration: null })
              }
            >
              {t('templates.addItem')}
            </Button>
          </>
        ) : null}
        <FormError message={formError} />
        <Button type="submit" loading={isSubmitting} w="fit-content">
          {t('templates.save')}
        </Button>
      </Stack>
    </form>
  );
}

function ItemFields({
  index: i,
  form,
  problems,
  required,
  onRemove,
}: {
  index: number;
  form: ReturnType<typeof useForm<EditorValues>>;
  problems: Record<string, string>;
  required: boolean;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const item = useWatch({ control: form.control, name: `items.${i}` });
  const id = item.id;
  const duration = item.duration;
  const num = (v: string | number) => (typeof v === 'number' ? v : Number.NaN);
  return (
    <Paper withBorder p="sm">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            {id}
            {required ? ` · ${t('templates.required')}` : ''}
          </Text>
          {required ? null : (
            <Button size="compact-xs" variant="subtle" color="red" onClick={onRemove}>
              {t('templates.removeItem', { id })}
            </Button>
          )}
        </Group>
        {required ? null : (
          <TextInput
            label={t('templates.newId')}
            {...form.register(`items.${i}.id`)}
            error={problems[`items.${i}.id`]}
            maw={280}
          />
        )}
        {item.areas ? (
          <Text size="xs" c="dimmed">
            {t('templates.onlyForAreas', {
              areas: item.areas.map((a) => t(`treatmentAreas.${a}`)).join(', '),
            })}
          </Text>
        ) : null}
        {item.when ? (
          <Text size="xs" c="dimmed">
            {t('templates.onlyWhen', { caution: t(`templates.cautions.${item.when}`) })}
          </Text>
        ) : null}
        <Textarea
          label={t('templates.itemText', { id })}
          autosize
          minRows={1}
          {...form.register(`items.${i}.text`)}
          error={problems[`items.${i}.text`]}
        />
        <Checkbox
          label={t('templates.hasDuration')}
          checked={duration !== null}
          onChange={(e) =>
            form.setValue(
              `items.${i}.duration`,
              e.currentTarget.checked ? { min: 1, max: null, unit: 'days' } : null,
            )
          }
        />
        {duration ? (
          <Group align="flex-start" grow maw={520}>
            <Controller
              control={form.control}
              name={`items.${i}.duration.min`}
              render={({ field }) => (
                <NumberInput
                  label={t('templates.durationMin')}
                  min={0}
                  allowDecimal={false}
                  value={field.value}
                  onChange={(v) => field.onChange(num(v))}
                  error={problems[`items.${i}.duration.min`]}
                />
              )}
            />
            <Controller
              control={form.control}
              name={`items.${i}.duration.max`}
              render={({ field }) => (
                <NumberInput
                  label={t('templates.durationMax')}
                  min={1}
                  allowDecimal={false}
                  value={field.value ?? ''}
                  onChange={(v) => field.onChange(v === '' ? null : num(v))}
                  error={problems[`items.${i}.duration.max`]}
                />
              )}
            />
            <Controller
              control={form.control}
              name={`items.${i}.duration.unit`}
              render={({ field }) => (
                <Select
                  label={t('templates.durationUnit')}
                  data={durationUnits.map((u) => ({ value: u, label: t(`templates.units.${u}`) }))}
                  value={field.value}
                  onChange={(v) => field.onChange(v ?? field.value)}
                  allowDeselect={false}
                />
              )}
            />
          </Group>
        ) : null}
        {problems[`items.${i}.duration`] ? (
          <Text size="xs" c="red.7" role="alert">
            {problems[`items.${i}.duration`]}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
