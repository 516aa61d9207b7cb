import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { photoAreas, photoPhases, photoViews, type PhotoTags } from '../../../../shared/api/photos';
import { useSessionOptions } from './queries';

interface Props {
  patientId: string;
  value: PhotoTags;
  onChange: (next: PhotoTags) => void;
  errors?: Partial<Record<keyof PhotoTags, string>>;
  disabled?: boolean;
}

/** Phase, area, view and session: the tags every photo carries. */
export function PhotoTagFields({ patientId, value, onChange, errors = {}, disabled }: Props) {
  const { t } = useTranslation();
  const sessions = useSessionOptions(patientId);
  return (
    <Group grow align="flex-start" gap="sm">
      <Select
        label={t('photos.fields.phase')}
        data={photoPhases.map((p) => ({ value: p, label: t(`photos.phases.${p}`) }))}
        value={value.phase}
        allowDeselect={false}
        disabled={disabled}
        error={errors.phase}
        onChange={(v) => v && onChange({ ...value, phase: v as PhotoTags['phase'] })}
      />
      <Select
        label={t('photos.fields.area')}
        data={photoAreas.map((a) => ({ value: a, label: t(`photos.areas.${a}`) }))}
        value={value.area}
        allowDeselect={false}
        searchable
        disabled={disabled}
        error={errors.area}
        onChange={(v) => v && onChange({ ...value, area: v as PhotoTags['area'] })}
      />
      <Select
        label={t('photos.fields.view')}
        data={photoViews.map((v) => ({ value: v, label: t(`photos.views.${v}`) }))}
        value={value.view}
        allowDeselect={false}
        disabled={disabled}
        error={errors.view}
        onChange={(v) => v && onChange({ ...value, view: v as PhotoTags['view'] })}
      />
      <Select
        label={t('photos.fields.session')}
        data={sessions}
        value={value.sessionId ?? ''}
        allowDeselect={false}
        disabled={disabled}
        error={errors.sessionId}
        onChange={(v) => onChange({ ...value, sessionId: v ? v : null })}
      />
    </Group>
  );
}
