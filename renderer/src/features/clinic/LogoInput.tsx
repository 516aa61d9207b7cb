import { FileInput, Group, Image } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const MAX_LOGO_BYTES = 500 * 1024;

/** Reads a chosen logo into a data URL, refusing what the printed header cannot use. */
export function LogoInput(props: {
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [localError, setLocalError] = useState<string | null>(null);
  const onFile = (file: File | null) => {
    setLocalError(null);
    if (!file) return props.onChange(null);
    if (!['image/png', 'image/jpeg'].includes(file.type)) return setLocalError(t('setup.logoType'));
    if (file.size > MAX_LOGO_BYTES) return setLocalError(t('setup.logoSize'));
    const reader = new FileReader();
    reader.onload = () => props.onChange(typeof reader.result === 'string' ? reader.result : null);
    reader.onerror = () => setLocalError(t('setup.logoRead'));
    reader.readAsDataURL(file);
  };
  return (
    <Group align="flex-end" wrap="nowrap">
      <FileInput
        label={t('setup.logo')}
        description={t('setup.logoHelp')}
        accept="image/png,image/jpeg"
        clearable
        onChange={onFile}
        error={localError ?? props.error}
        style={{ flex: 1 }}
      />
      {props.value ? (
        <Image src={props.value} alt={t('setup.logoPreview')} h={48} w="auto" />
      ) : null}
    </Group>
  );
}
