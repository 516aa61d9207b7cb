import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../lib/api';
import { useServerReachable } from '../lib/server-status';

// The session is read from the server (who is signed in), so it answers only when it is back.
const probe = () => api.auth.state({});

/**
 * Across the top of every signed-in screen while the clinic server cannot be reached: what was
 * typed stays in its form, and saving again works once the server is back.
 */
export function ServerBanner() {
  const { t } = useTranslation();
  const reachable = useServerReachable(probe);
  if (reachable) return null;
  return (
    <Alert
      color="red"
      role="alert"
      title={t('server.banner.title')}
      data-testid="server-banner"
      variant="filled"
      mb="md"
      // Kept in sight under the header while a long form is scrolled to its Save button.
      style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height) + 8px)', zIndex: 20 }}
    >
      {t('server.banner.body')}
    </Alert>
  );
}
