import { Alert, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/session';
import { StartupCheckNotice } from '../audit';
import { ErrorScreen } from '../../ui/ErrorScreen';
import { KeysFrame } from './KeysFrame';
import { PassphraseSetupScreen } from './PassphraseSetupScreen';
import { RecoveryKeyScreen } from './RecoveryKeyScreen';
import { ServerWaitScreen } from './ServerWaitScreen';
import { UnlockScreen } from './UnlockScreen';
import { keysStatusText } from './key-text';
import { useKeysStatus } from './queries';

function Loading() {
  const { t } = useTranslation();
  return (
    <Center h="100vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/**
 * Before anything else the clinic's keys must be open: a new clinic without a keychain chooses
 * its passphrase, a locked one is unlocked (passphrase or recovery key), a refused one says why,
 * and one whose clinic server cannot be opened waits on it (never an empty record instead).
 * A recovery key just made is shown before setup, or to the admin after signing in.
 */
export function KeysGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const status = useKeysStatus();
  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorScreen message={status.error.message} />;
  const keys = status.data;
  switch (keys.state) {
    case 'refused':
      return (
        <KeysFrame title={t('keys.refused.title')}>
          <Alert color="red" role="alert">
            {keysStatusText(keys)}
          </Alert>
        </KeysFrame>
      );
    case 'new':
      return <PassphraseSetupScreen />;
    case 'locked':
      return <UnlockScreen status={keys} />;
    case 'server':
      return keys.server ? <ServerWaitScreen server={keys.server} /> : <Loading />;
    case 'open':
      return (
        <>
          {keys.recoveryKeyPending ? <PendingRecoveryKey>{children}</PendingRecoveryKey> : children}
          <StartupCheckNotice />
        </>
      );
  }
}

function PendingRecoveryKey({ children }: { children: ReactNode }) {
  const session = useSession();
  if (session.isPending) return <Loading />;
  const state = session.data;
  const show = state && (state.needsSetup || (state.user?.role === 'admin' && !state.locked));
  return show ? <RecoveryKeyScreen /> : children;
}
