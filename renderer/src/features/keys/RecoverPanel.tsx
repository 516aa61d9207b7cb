import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecoverForm } from './RecoverForm';
import { useKeysStatus } from './queries';

/**
 * On a new computer's setup screen: bring the clinic's data folder here and open it with its
 * recovery key, instead of setting up a new clinic.
 */
export function RecoverPanel() {
  const { t } = useTranslation();
  const status = useKeysStatus();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button variant="subtle" onClick={() => setOpen(true)}>
        {t('keys.recover.open')}
      </Button>
    );
  }
  return <RecoverForm chooseFolder needsPassphrase={status.data?.method === 'passphrase'} />;
}
