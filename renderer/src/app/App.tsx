import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../lib/session';
import { ChangePasswordScreen, LockScreen, SetupScreen, SignInScreen } from '../features/auth';
import { TabletHistoryScreen } from '../features/history';
import { Shell } from './Shell';
import { ErrorScreen } from '../ui/ErrorScreen';

/** Which screen the window shows follows only from the session state the main process holds. */
export function App() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (session.isError) return <ErrorScreen message={session.error.message} />;
  const state = session.data;
  if (state.needsSetup) return <SetupScreen />;
  // The tablet is in the patient's hands: the main process says so, whatever the address is.
  if (state.patientMode) return <TabletHistoryScreen mode={state.patientMode} />;
  if (!state.user) return <SignInScreen clinicName={state.clinicName} />;
  if (state.locked) return <LockScreen user={state.user} clinicName={state.clinicName} />;
  if (state.user.mustChangePassword) {
    return <ChangePasswordScreen user={state.user} clinicName={state.clinicName} />;
  }
  return <Shell user={state.user} idleLockMinutes={state.idleLockMinutes} />;
}
