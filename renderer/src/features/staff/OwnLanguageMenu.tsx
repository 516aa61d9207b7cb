import { useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionState } from '../../../../shared/api/auth';
import { languageName } from '../../../../shared/documents/languages';
import type { StaffUser } from '../../../../shared/api/staff';
import { api, unwrap } from '../../lib/api';
import { SESSION_KEY, useSession } from '../../lib/session';
import { ScreenLanguageSelect } from './ScreenLanguageSelect';

/**
 * Each member of staff reads the screens in their own language, or the clinic's. The choice is
 * kept on their account; the screens switch at once, with nothing typed lost.
 */
export function OwnLanguageMenu({ user }: { user: StaffUser }) {
  const { t } = useTranslation();
  const clinicLanguage = useSession().data?.clinicLanguage ?? 'en';
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  return (
    <ScreenLanguageSelect
      size="xs"
      // Narrower in a narrow window, so the header keeps room for the user's name.
      w={{ base: 150, sm: 190 }}
      style={{ flexShrink: 0 }}
      disabled={busy}
      data-testid="own-language"
      value={user.uiLanguage}
      followLabel={t('staff.language.followClinic', { language: languageName(clinicLanguage) })}
      followShort={t('staff.language.followClinicShort', {
        language: languageName(clinicLanguage),
      })}
      onChange={(language) => {
        setBusy(true);
        unwrap(api.staff.setOwnLanguage({ language }))
          .then((me) => {
            // Only the user changes: the rest of the session stays as it is.
            client.setQueryData<SessionState>(SESSION_KEY, (s) => (s ? { ...s, user: me } : s));
          })
          .catch((error: unknown) =>
            notifications.show({ color: 'red', message: (error as Error).message }),
          )
          .finally(() => setBusy(false));
      }}
    />
  );
}
