import { PasswordInput, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { passphraseStrength } from './strength';

const COLOURS = ['red', 'red', 'orange', 'teal', 'teal'] as const;

/** A new clinic passphrase: the field, how strong it is, and the same typed again. */
export function PassphraseFields(props: {
  value: string;
  confirm: string;
  onChange: (value: string) => void;
  onConfirm: (value: string) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const strength = passphraseStrength(props.value);
  return (
    <Stack gap="xs">
      <PasswordInput
        label={t('keys.newPassphrase')}
        description={t('keys.passphraseHelp')}
        required
        autoComplete="new-password"
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        error={props.errors.passphrase}
      />
      <Progress
        value={props.value === '' ? 0 : 10 + strength * 22.5}
        color={COLOURS[strength]}
        size="sm"
        aria-label={t('keys.strengthLabel')}
      />
      <Text size="sm" c="dimmed" data-testid="passphrase-strength">
        {props.value === '' ? t('keys.strengthEmpty') : t(`keys.strength${strength}`)}
      </Text>
      <PasswordInput
        label={t('keys.confirmPassphrase')}
        required
        autoComplete="new-password"
        value={props.confirm}
        onChange={(e) => props.onConfirm(e.currentTarget.value)}
        error={props.errors.confirm}
      />
    </Stack>
  );
}
