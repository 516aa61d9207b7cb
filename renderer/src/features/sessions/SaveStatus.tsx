import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { assertNever } from '../../../../shared/api/result';
import type { SaveState } from './use-draft-autosave';
import { formatWith } from '../../lib/dates';

/** Where the draft stands, announced politely to screen readers. */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  let text: string;
  let colour = 'dimmed';
  switch (state.kind) {
    case 'idle':
      text = t('sessions.saveIdle');
      break;
    case 'saving':
      text = t('sessions.saving');
      break;
    case 'saved':
      text = t('sessions.savedAt', {
        time: formatWith(state.at, { timeStyle: 'short' }),
      });
      colour = 'teal';
      break;
    case 'invalid':
      text = t('sessions.notSavedInvalid');
      colour = 'orange';
      break;
    case 'error':
      text = t('sessions.notSavedError', { message: state.message });
      colour = 'red';
      break;
    default:
      return assertNever(state);
  }
  return (
    <Text size="sm" c={colour} role="status" aria-live="polite" data-testid="save-status">
      {text}
    </Text>
  );
}
