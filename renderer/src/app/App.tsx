import { Center, Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { StaffUser } from '../../../shared/api/staff';
import { fetchOwnDrafts } from '../lib/lock-drafts';
import { sessionLanguage, useUiLanguage } from '../lib/ui-language';
import { takeStartsClean, useSession, useSetSession } from '../lib/session';
import { ChangePasswordScreen, LockScreen, SetupScreen, SignInScreen } from '../features/auth';
import type { SessionState } from '../../../shared/api/auth';
import { TabletConsentScreen } from '../features/documents';
import { TabletHandBackScreen, TabletHistoryScreen } from '../features/history';
import { Shell } from './Shell';
import { ErrorScreen } from '../ui/ErrorScreen';

/** Which screen the window shows follows only from the session state the main process holds. */
export function App() {
  const { t } = useTranslation();
  const session = useSession();
  // The signed-in person's language, else the clinic's; switching needs no restart.
  useUiLanguage(sessionLanguage(session.data));
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
  if (state.patientMode) return <TabletScreen mode={state.patientMode} />;
  if (!state.user) return <SignInScreen clinicName={state.clinicName} />;
  if (state.locked) return <LockScreen user={state.user} clinicName={state.clinicName} />;
  if (state.user.mustChangePassword) {
    return <ChangePasswordScreen user={state.user} clinicName={state.clinicName} />;
  }
  return <UnlockedShell user={state.user} idleLockMinutes={state.idleLockMinutes} />;
}

/**
 * The tablet in the patient's hands: the questionnaire, or the consent handed over with it. Staff
 * who take it back after a consent land on the chart's documents, where the practitioner signs
 * their part.
 */
function TabletScreen({ mode }: { mode: NonNullable<SessionState['patientMode']> }) {
  const navigate = useNavigate();
  const setSession = useSetSession();
  if (!mode.consentId) return <TabletHistoryScreen mode={mode} />;
  const resumed = (state: SessionState) => {
    void navigate(`/patients/${mode.patientId}?tab=documents`, { replace: true });
    setSession(state);
  };
  return (
    <TabletConsentScreen
      mode={mode}
      consentId={mode.consentId}
      handBack={<TabletHandBackScreen onResumed={resumed} />}
    />
  );
}

/**
 * The app after signing in or unlocking. The user's own forms left unsaved at a lock are fetched
 * first, so each form opens with its draft; when signing in again later, the app returns to the
 * first of them. Another user starts on the patient list, never on the screen the previous one
 * left open.
 */
function UnlockedShell({ user, idleLockMinutes }: { user: StaffUser; idleLockMinutes: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [startsClean] = useState(takeStartsClean);
  // Where the app opens is decided once, as the drafts arrive and before any screen shows.
  const placed = useQuery({
    queryKey: ['lock-drafts', user.id],
    queryFn: async () => {
      // A failure to fetch them costs only the drafts, never the way into the app.
      const drafts = await fetchOwnDrafts().catch(() => []);
      const first = drafts[0];
      if (first && (startsClean || !drafts.some((d) => d.route === pathname))) {
        notifications.show({ color: 'teal', message: t('lock.draftsBack'), autoClose: 10_000 });
        await navigate(first.route, { replace: true });
      } else if (startsClean) {
        await navigate('/patients', { replace: true });
      }
      return drafts.length;
    },
    staleTime: Infinity,
  });

  if (placed.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  return <Shell user={user} idleLockMinutes={idleLockMinutes} />;
}
