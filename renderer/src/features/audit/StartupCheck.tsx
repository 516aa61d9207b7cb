import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api';
import { formatInstant } from '../../lib/dates';
import { useSession } from '../../lib/session';
import { auditKeys } from './queries';

/**
 * The start-up check's result, read when needed and never polled: a call in the background would
 * count as activity and keep the idle lock from closing the screen.
 */
function useLastCheck(enabled: boolean) {
  return useQuery({
    queryKey: auditKeys.lastCheck,
    queryFn: () => unwrap(api.audit.lastCheck({})),
    enabled,
  });
}

/** On the audit screen: when the chain was last checked at start-up, and what was found. */
export function StartupCheckLine() {
  const { t } = useTranslation();
  const last = useLastCheck(true);
  if (!last.data) return null;
  const when = formatInstant(last.data.at);
  return (
    <Text size="sm" c={last.data.ok ? 'dimmed' : 'red.8'} data-testid="audit-startup-check">
      {last.data.ok
        ? t('audit.startupOk', { when, count: last.data.checked })
        : t('audit.startupBroken', {
            when,
            seq: last.data.firstBroken,
            reason: last.data.reason ?? '',
          })}
    </Text>
  );
}

/**
 * For an admin after signing in: a message that stays until closed when the check at start-up
 * found the audit log altered, so it is seen without opening the audit screen. It names what
 * failed (the event, and the record or link that no longer holds), as the audit screen does.
 */
export function StartupCheckNotice() {
  const { t } = useTranslation();
  const session = useSession();
  const admin = session.data?.user?.role === 'admin' && !session.data.locked;
  const last = useLastCheck(admin);
  const failed = admin && last.data && !last.data.ok ? last.data : null;
  const failedAt = failed?.at ?? null;
  const detail = failed
    ? t('audit.startupNotice', {
        when: formatInstant(failed.at),
        seq: failed.firstBroken,
        reason: failed.reason ?? '',
      })
    : null;
  useEffect(() => {
    if (!failedAt || !detail) return;
    notifications.show({
      id: `audit-startup-check-${failedAt}`,
      color: 'red',
      autoClose: false,
      withBorder: true,
      title: t('audit.broken'),
      message: detail,
    });
  }, [failedAt, detail, t]);
  return null;
}
